// One container action on several containers at once; the engine's messages of those that
// failed come back as "name: message" lines. Removal forces (running containers are stopped).
import { api } from "./api";

export async function runContainerActions(
  endpointId: string,
  action: string,
  targets: { id: string; name: string }[],
): Promise<string[]> {
  const results = await Promise.all(
    targets.map((t) =>
      api(`/api/endpoints/${endpointId}/docker/containers/${t.id}/${action}`, {
        body: action === "remove" ? { force: true } : {},
      }).then(
        () => null,
        (e: Error) => `${t.name}: ${e.message}`,
      ),
    ),
  );
  return results.filter((r): r is string => r !== null);
}
