// The ID a Docker engine gives itself (docker info `ID`): two endpoints that lead to the same
// engine (a socket and a TCP address, say) have the same one. Asked once a minute per endpoint.
import type Docker from "dockerode";

const TTL_MS = 60_000;
const cache = new Map<string, { at: number; id: Promise<string | undefined> }>();

/** undefined when the engine does not say (then nothing is merged across endpoints). */
export function dockerEngineId(endpointId: string, docker: Docker): Promise<string | undefined> {
  const cached = cache.get(endpointId);
  if (cached && Date.now() - cached.at < TTL_MS) return cached.id;
  const id = docker.info().then(
    (info: { ID?: string }) => info.ID || undefined,
    () => undefined,
  );
  cache.set(endpointId, { at: Date.now(), id });
  return id;
}
