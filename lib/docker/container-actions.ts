// Container lifecycle actions: one table of what each does (what each needs is in
// container-action-permissions.ts, shared with the UI).
import type Docker from "dockerode";
import { z } from "zod";
import type { ContainerAction } from "./container-action-permissions";
import { containerName, envVarName, imageRef } from "./names";
import { recreateContainer } from "./recreate-container";

export const containerActionBody = z
  .object({
    // rename
    name: containerName.optional(),
    // remove
    volumes: z.boolean().optional(),
    force: z.boolean().optional(),
    // stop, restart: seconds to wait before killing
    timeout: z.number().int().min(0).max(600).optional(),
    // kill
    signal: z
      .string()
      .regex(/^[A-Z0-9]+$/)
      .max(16)
      .optional(),
    // recreate: a new image tag, and variables to set (value) or remove (null)
    image: imageRef.optional(),
    env: z.record(envVarName, z.string().max(32_768).nullable()).optional(),
  })
  .default({});

type Body = z.infer<typeof containerActionBody>;

/** Stopping waits up to `timeout` seconds (at most 600) for the container: the engine answers late. */
export const LONG_ACTIONS = new Set<ContainerAction>(["stop", "restart", "recreate", "remove"]);

const on = (docker: Docker, id: string) => docker.getContainer(id);

export const CONTAINER_ACTIONS: Record<ContainerAction, (d: Docker, id: string, b: Body) => Promise<unknown>> = {
  start: (d, id) => on(d, id).start(),
  stop: (d, id, b) => on(d, id).stop({ t: b.timeout }),
  restart: (d, id, b) => on(d, id).restart({ t: b.timeout }),
  kill: (d, id, b) => on(d, id).kill({ signal: b.signal ?? "SIGKILL" }),
  pause: (d, id) => on(d, id).pause(),
  unpause: (d, id) => on(d, id).unpause(),
  rename: (d, id, b) => {
    if (!b.name)
      throw new z.ZodError([{ code: "custom", path: ["name"], message: "a new name is required", input: undefined }]);
    return on(d, id).rename({ name: b.name });
  },
  recreate: (d, id, b) => recreateContainer(d, id, { image: b.image, env: b.env, stopTimeout: b.timeout }),
  remove: (d, id, b) => on(d, id).remove({ v: b.volumes ?? false, force: b.force ?? false }),
};

export const containerActionName = z.enum(Object.keys(CONTAINER_ACTIONS) as [ContainerAction, ...ContainerAction[]]);
