// Tells the person how a container action on one or more containers went: one toast, naming the
// container (or how many), with each failure in the engine's own words.
import { toast } from "sonner";
import type { ContainerAction } from "@/lib/docker/container-action-permissions";
import type { ContainerFailure } from "./run-container-actions";

const DONE: Record<ContainerAction, string> = {
  start: "Started",
  stop: "Stopped",
  restart: "Restarted",
  kill: "Killed",
  pause: "Paused",
  unpause: "Unpaused",
  rename: "Renamed",
  recreate: "Recreated",
  remove: "Removed",
};

const containers = (n: number) => (n === 1 ? "1 container" : `${n} containers`);

export function toastContainerResults(
  action: ContainerAction,
  targets: { name: string }[],
  failures: ContainerFailure[],
): void {
  if (targets.length === 0) {
    toast.info(`No container to ${action}`);
    return;
  }
  const only = targets.length === 1 ? targets[0]!.name : null;
  if (failures.length === 0) {
    toast.success(`${DONE[action]} ${only ?? containers(targets.length)}`);
    return;
  }
  const which =
    only ??
    (failures.length === targets.length
      ? containers(targets.length)
      : `${failures.length} of ${containers(targets.length)}`);
  toast.error(`Could not ${action} ${which}`, {
    description: only ? failures[0]!.message : failures.map((f) => `${f.name}: ${f.message}`).join("\n"),
    classNames: { description: "whitespace-pre-line" },
  });
}
