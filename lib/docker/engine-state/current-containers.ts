// The containers of an engine for a page or an API call, answered from the event-kept state when
// its stream is up (no list call to the engine), listed when it is not, or after a change went
// through this instance. The engine stays live a while after a read: the next one is likely soon.
import type { ContainerRow } from "../container-view";
import type { Endpoint } from "../../db/client";
import { engineConnected, engineSettled, keepEngine, reconnectIfChanged } from "./engine-states";

/** How long an engine read by a page or the API stays live with nobody watching it. */
export const READ_KEEP_MS = 60_000;

export async function currentContainers(endpoint: Endpoint): Promise<ContainerRow[]> {
  const endpointId = endpoint.id;
  // Never answer from what was read with settings the endpoint no longer has.
  reconnectIfChanged(endpoint);
  const containers = keepEngine(endpointId, READ_KEEP_MS);
  if (containers.current && engineConnected(endpointId)) await engineSettled(endpointId);
  else await containers.relist();
  if (!containers.current && containers.failure) throw containers.failure;
  return containers.sorted();
}
