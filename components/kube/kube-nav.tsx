"use client";

// The side navigation of a cluster: its overview and every kind, grouped as Kubernetes users
// expect (workloads, network, config, storage, cluster, access). The namespace choice travels along.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { BUILT_IN_KINDS } from "@/lib/kube/kinds/catalog";
import { resourceId, type KubeKind } from "@/lib/kube/kinds/kind";

const CATEGORIES: KubeKind["category"][] = ["Workloads", "Network", "Config", "Storage", "Cluster", "Access"];

export function KubeNav({ endpointId, custom }: { endpointId: string; custom: { id: string; title: string }[] }) {
  const path = usePathname();
  const namespace = useSearchParams().get("namespace");
  const base = `/endpoints/${endpointId}`;
  const suffix = namespace ? `?namespace=${encodeURIComponent(namespace)}` : "";
  const link = (href: string, label: string, active: boolean) => (
    <Link
      key={href}
      href={href + suffix}
      className={`block rounded px-2 py-1 ${active ? "bg-accent/15 font-medium text-ink" : "text-muted hover:text-ink"}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Cluster" className="w-48 shrink-0 space-y-3 text-sm">
      {link(base, "Overview", path === base)}
      {CATEGORIES.map((category) => (
        <div key={category}>
          <div className="px-2 pb-1 text-xs uppercase tracking-wide text-muted">{category}</div>
          {BUILT_IN_KINDS.filter((k) => k.category === category).map((k) => {
            const href = `${base}/kube/${resourceId(k)}`;
            return link(href, k.title, path === href || path.startsWith(`${href}/`));
          })}
        </div>
      ))}
      {custom.length ? (
        <div>
          <div className="px-2 pb-1 text-xs uppercase tracking-wide text-muted">Custom resources</div>
          {custom.map((k) => {
            const href = `${base}/kube/${k.id}`;
            return link(href, k.title, path === href || path.startsWith(`${href}/`));
          })}
        </div>
      ) : null}
    </nav>
  );
}
