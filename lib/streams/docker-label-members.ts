// The containers of a Docker endpoint that carry some labels (a compose project, "app=api"),
// followed with the engine's own label-filtered event stream: a created container joins, a removed
// one leaves. A stopped container stays a member, so its logs resume when it starts again.
import type Docker from "dockerode";
import { dockerLogSource } from "./docker-log-source";
import type { LogSource } from "./log-source";
import type { MemberSet } from "./member-set";

const RETRY_MS = [250, 500, 1000, 2000, 5000];
const SETTLE_MS = 50;

/** "a=b, c" → ["a=b", "c"], as the engine's label filter takes them. */
export function labelFilters(selector: string): string[] {
  return selector
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function dockerLabelMembers(options: {
  endpointId: string;
  docker: () => Docker;
  selector: string;
  label: string;
  engineId?: string;
}): MemberSet {
  const { endpointId, selector } = options;
  const filters = { label: labelFilters(selector) };
  return {
    key: `docker-labels:${endpointId}:${filters.label.join(",")}`,
    label: options.label,
    watch(onMembers, onProblem) {
      let stopped = false;
      let retries = 0;
      let events: (NodeJS.ReadableStream & { destroy(): void }) | null = null;
      let settle: NodeJS.Timeout | null = null;
      let retry: NodeJS.Timeout | null = null;
      const sources = new Map<string, LogSource>();

      const relist = async () => {
        settle = null;
        const docker = options.docker();
        const list = await docker.listContainers({ all: true, filters });
        if (stopped) return;
        const members = list.map((c) => {
          let source = sources.get(c.Id);
          if (!source)
            sources.set(
              c.Id,
              (source = dockerLogSource({
                endpointId,
                docker,
                containerId: c.Id,
                engineId: options.engineId,
                label: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ""),
              })),
            );
          return source;
        });
        const ids = new Set(list.map((c) => c.Id));
        for (const id of sources.keys()) if (!ids.has(id)) sources.delete(id);
        onMembers(members);
      };
      const schedule = () => {
        if (!stopped && !settle) settle = setTimeout(() => void relist().catch(lost), SETTLE_MS);
      };
      const lost = (error?: Error) => {
        if (stopped || retry) return;
        events?.destroy();
        events = null;
        onProblem(`lost the engine's event stream: ${error?.message ?? "it closed"}; re-connecting`);
        const delay = RETRY_MS[Math.min(retries++, RETRY_MS.length - 1)]!;
        retry = setTimeout(() => {
          retry = null;
          void open();
        }, delay);
      };
      const open = async () => {
        try {
          // Subscribe first, then list: nothing created in between is missed.
          const stream = (await options.docker().getEvents({
            filters: { type: ["container"], label: filters.label, event: ["create", "destroy", "rename"] },
          })) as unknown as NodeJS.ReadableStream & { destroy(): void };
          if (stopped) return stream.destroy();
          events = stream;
          stream.on("data", schedule);
          stream.on("end", () => events === stream && lost());
          stream.on("error", (e: Error) => events === stream && lost(e));
          await relist();
          if (retries > 0) onProblem(null);
          retries = 0;
        } catch (error) {
          lost(error as Error);
        }
      };
      void open();
      return () => {
        stopped = true;
        if (settle) clearTimeout(settle);
        if (retry) clearTimeout(retry);
        events?.destroy();
      };
    },
  };
}
