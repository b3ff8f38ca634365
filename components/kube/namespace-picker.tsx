"use client";

// Which namespace a cluster's pages show: one, or every namespace the user may read. Kept in the
// URL (shareable) and remembered per cluster for the next visit.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";

const storageKey = (endpointId: string) => `fleetdeck.namespace.${endpointId}`;

export function NamespacePicker({ endpointId, namespaces }: { endpointId: string; namespaces: string[] }) {
  const router = useRouter();
  const path = usePathname();
  const params = useSearchParams();
  const current = params.get("namespace");
  const choose = (namespace: string | null) => {
    const next = new URLSearchParams(params);
    if (namespace) next.set("namespace", namespace);
    else next.delete("namespace");
    localStorage.setItem(storageKey(endpointId), namespace ?? "");
    router.replace(`${path}${next.size ? `?${next}` : ""}`);
  };
  // Back to the namespace chosen last time, when the URL does not say.
  useEffect(() => {
    if (params.has("namespace")) return;
    const remembered = localStorage.getItem(storageKey(endpointId));
    if (remembered && namespaces.includes(remembered)) choose(remembered);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the page opens
  }, []);
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-muted">Namespace</span>
      <select
        aria-label="Namespace"
        className="rounded-md border border-line bg-panel px-2 py-1"
        value={current ?? ""}
        onChange={(e) => choose(e.target.value || null)}
      >
        <option value="">All namespaces</option>
        {namespaces.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
