"use client";

// Keeps an object's page current: a watch of just this object (the shared watch cache of its
// kind) tells when it changed upstream, and the page is rendered again from the server — unless
// the person is editing it, when they are only told. A deletion upstream is reported.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useKubeRows } from "./use-kube-rows";

export function useLiveObject(options: {
  endpointId: string;
  resource: string;
  namespace: string | null;
  name: string;
  /** The version the page shows. */
  resourceVersion: string;
  /** While editing: do not replace what is on screen. */
  paused: boolean;
}): { deleted: boolean; changedUpstream: boolean } {
  const { endpointId, resource, namespace, name, resourceVersion, paused } = options;
  const live = useKubeRows({ endpointId, resource, namespace, name });
  const router = useRouter();
  const asked = useRef(resourceVersion);
  const row = live.rows.find((r) => r.name === name);
  const newer = Boolean(row && row.resourceVersion && row.resourceVersion !== resourceVersion);

  useEffect(() => {
    if (!newer || paused || !row || asked.current === row.resourceVersion) return;
    asked.current = row.resourceVersion;
    router.refresh();
  }, [newer, paused, row, router]);

  return { deleted: !live.loading && !live.error && !row, changedUpstream: newer };
}
