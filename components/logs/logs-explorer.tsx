"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import type { EndpointView } from "@/lib/endpoints/view";
import { decodeSource, encodeSource } from "@/lib/client/log-sources-param";
import type { LogSourceRef } from "@/lib/client/use-log-stream";
import { Button } from "../ui/button";
import { LogViewer } from "./log-viewer";
import { SourcePicker } from "./source-picker";

// The Logs page: pick sources across endpoints, see them merged; the URL holds the sources.
export function LogsExplorer({ endpoints }: { endpoints: EndpointView[] }) {
  const router = useRouter();
  const params = useSearchParams();
  const key = params.getAll("s").join("|");
  const encoded = useMemo(() => (key ? key.split("|") : []), [key]);
  const sources = useMemo(() => encoded.map(decodeSource).filter((s): s is LogSourceRef => s !== null), [encoded]);
  const go = (list: LogSourceRef[]) => {
    const query = new URLSearchParams(list.map((s) => ["s", encodeSource(s)]));
    router.replace(`/logs${list.length ? `?${query}` : ""}`);
  };
  return (
    <div className="space-y-3">
      <SourcePicker
        endpoints={endpoints}
        onAdd={(added) => go([...sources, ...added.filter((s) => !encoded.includes(encodeSource(s)))])}
      />
      {sources.length ? (
        <>
          <Button onClick={() => go([])}>Clear the view</Button>
          <LogViewer key={key} sources={sources} name="fleetdeck-logs" />
        </>
      ) : (
        <p className="text-muted">
          Add containers, compose projects, pods, workloads or label selectors, from one or several endpoints, to follow
          their logs together.
        </p>
      )}
    </div>
  );
}
