"use client";

// The sections of a cluster in the sidebar: its overview and every kind, grouped as Kubernetes users
// expect (workloads, network, storage, config, access control, custom resources, then the cluster's
// own: nodes, namespaces, events). The namespace choice travels along.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { BUILT_IN_KINDS } from "@/lib/kube/kinds/catalog";
import { resourceId, type KubeKind } from "@/lib/kube/kinds/kind";

const CATEGORIES: KubeKind["category"][] = ["Workloads", "Network", "Storage", "Config", "Access"];
const HEADINGS: Partial<Record<KubeKind["category"], string>> = { Access: "Access control" };

export function KubeNav({ endpointId, custom }: { endpointId: string; custom: { id: string; title: string }[] }) {
  const path = usePathname();
  const namespace = useSearchParams().get("namespace");
  const base = `/endpoints/${endpointId}`;
  const suffix = namespace ? `?namespace=${encodeURIComponent(namespace)}` : "";
  const link = (href: string, label: string, active: boolean) => (
    <Link
      key={href}
      href={href + suffix}
      aria-current={active ? "page" : undefined}
      className={`block rounded px-2 py-1 ${active ? "bg-accent/15 font-medium text-ink" : "text-muted hover:text-ink"}`}
    >
      {label}
    </Link>
  );
  const builtIn = (category: KubeKind["category"]) => (
    <div key={category}>
      <div className="px-2 pb-1 text-xs uppercase tracking-wide text-muted">{HEADINGS[category] ?? category}</div>
      {BUILT_IN_KINDS.filter((k) => k.category === category).map((k) => {
        const href = `${base}/kube/${resourceId(k)}`;
        return link(href, k.title, path === href || path.startsWith(`${href}/`));
      })}
    </div>
  );
  return (
    <nav aria-label="Cluster" className="space-y-3 text-sm">
      {link(base, "Overview", path === base)}
      {CATEGORIES.map(builtIn)}
      {custom.length ? (
        <div>
          <div className="px-2 pb-1 text-xs uppercase tracking-wide text-muted">Custom resources</div>
          {custom.map((k) => {
            const href = `${base}/kube/${k.id}`;
            return link(href, k.title, path === href || path.startsWith(`${href}/`));
          })}
        </div>
      ) : null}
      {builtIn("Cluster")}
    </nav>
  );
}
