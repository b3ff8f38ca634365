// Warnings an engine reported in the last hour, read from its own event log (a one-shot `/events`
// read with `until`, which ends by itself): containers killed for lack of memory, turned unhealthy,
// or exited with a failing code when nobody asked them to stop. The engine keeps a bounded number
// of recent events, so on a very busy engine this counts what it still remembers.
import type Docker from "dockerode";

const HOUR_S = 3600;
/** A die this soon after a stop or kill was asked for is the answer to that request. */
const ASKED_WINDOW_NS = 60e9;

interface RawEvent {
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  timeNano?: number;
}

async function readEvents(docker: Docker, since: number, until: number): Promise<RawEvent[]> {
  const stream = await docker.getEvents({
    since,
    until,
    filters: { type: ["container"], event: ["die", "oom", "health_status", "kill", "stop"] },
  });
  let text = "";
  for await (const chunk of stream as AsyncIterable<Buffer>) text += chunk.toString("utf8");
  return text
    .split("\n")
    .filter((line) => line.trim())
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as RawEvent];
      } catch {
        return [];
      }
    });
}

export function countWarnings(events: RawEvent[]): number {
  const askedAt = new Map<string, number>();
  let warnings = 0;
  for (const e of events) {
    const id = e.Actor?.ID ?? "";
    const action = e.Action ?? "";
    const at = e.timeNano ?? 0;
    if (action === "kill" || action === "stop") askedAt.set(id, at);
    else if (action === "oom" || action === "health_status: unhealthy") warnings++;
    else if (action === "die") {
      const failed = (e.Actor?.Attributes?.exitCode ?? "0") !== "0";
      const asked = at - (askedAt.get(id) ?? -Infinity) < ASKED_WINDOW_NS;
      if (failed && !asked) warnings++;
    }
  }
  return warnings;
}

export async function dockerWarningsLastHour(docker: Docker): Promise<number> {
  const now = Math.floor(Date.now() / 1000);
  return countWarnings(await readEvents(docker, now - HOUR_S, now));
}
