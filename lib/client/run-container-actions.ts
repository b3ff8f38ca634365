// One container action on several containers at once; returns those that failed with the
// engine's own message. Removal forces (running containers are stopped).
import { api } from "./api";

export type ContainerFailure = { name: string; message: string };

export async function runContainerActions(
  endpointId: string,
  action: string,
  targets: { id: string; name: string }[],
): Promise<ContainerFailure[]> {
  const results = await Promise.all(
    targets.map((t) =>
      api(`/api/endpoints/${endpointId}/docker/containers/${t.id}/${action}`, {
        body: action === "remove" ? { force: true } : {},
      }).then(
        () => null,
        (e: Error) => ({ name: t.name, message: e.message }),
      ),
    ),
  );
  return results.filter((r): r is ContainerFailure => r !== null);
}
