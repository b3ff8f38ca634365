"use client";

// `g` then a letter, on an endpoint's pages: its sections (Docker: overview, containers, stacks,
// images, volumes, networks; Kubernetes: overview and the kinds people open most). The namespace
// chosen on a cluster travels along.
import { useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { DOCKER_SECTIONS } from "@/lib/docker/kinds/registry";
import { useRegisterShortcuts, type Shortcut } from "@/lib/client/shortcuts";

const KUBE_SECTIONS: { key: string; title: string; path: string }[] = [
  { key: "o", title: "Overview", path: "" },
  { key: "p", title: "Pods", path: "kube/pods" },
  { key: "d", title: "Deployments", path: "kube/deployments.apps" },
  { key: "s", title: "Services", path: "kube/services" },
  { key: "i", title: "Ingresses", path: "kube/ingresses.networking.k8s.io" },
  { key: "c", title: "ConfigMaps", path: "kube/configmaps" },
  { key: "j", title: "Jobs", path: "kube/jobs.batch" },
  { key: "n", title: "Nodes", path: "kube/nodes" },
  { key: "e", title: "Events", path: "kube/events" },
];

export function EndpointShortcuts({ endpointId, kind }: { endpointId: string; kind: "DOCKER" | "KUBERNETES" }) {
  const router = useRouter();
  const namespace = useSearchParams().get("namespace");
  const shortcuts: Shortcut[] = useMemo(() => {
    const base = `/endpoints/${endpointId}`;
    const sections =
      kind === "DOCKER"
        ? DOCKER_SECTIONS.map((s) => ({ key: s.title[0]!.toLowerCase(), title: s.title, path: s.path }))
        : KUBE_SECTIONS;
    const suffix = kind === "KUBERNETES" && namespace ? `?namespace=${encodeURIComponent(namespace)}` : "";
    return sections.map((s) => ({
      keys: `g ${s.key}`,
      description: s.title,
      group: "On this endpoint",
      run: () => router.push(`${s.path ? `${base}/${s.path}` : base}${s.path ? suffix : ""}`),
    }));
  }, [endpointId, kind, namespace, router]);
  useRegisterShortcuts(shortcuts);
  return null;
}
