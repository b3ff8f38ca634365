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

async function readEvents(docker: Docker, since: string, until: string): Promise<RawEvent[]> {
  const stream = await docker.getEvents({
    // The engine takes fractional seconds; dockerode's type says number.
    since: since as unknown as number,
    until: until as unknown as number,
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
  // To the millisecond: whole seconds would leave out what happened earlier in the current second
  // (the very death that made us count again). A later `until` would keep the stream open until then.
  const now = Date.now() / 1000;
  return countWarnings(await readEvents(docker, (now - HOUR_S).toFixed(3), now.toFixed(3)));
}
