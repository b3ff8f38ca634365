// Container lifecycle actions: one table of what each needs and does.
import type Docker from "dockerode";
import { z } from "zod";
import type { Action } from "../rbac/actions";
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

export const CONTAINER_ACTIONS = {
  start: { permission: "workload.lifecycle", run: (d: Docker, id: string) => on(d, id).start() },
  stop: { permission: "workload.lifecycle", run: (d: Docker, id: string, b: Body) => on(d, id).stop({ t: b.timeout }) },
  restart: {
    permission: "workload.lifecycle",
    run: (d: Docker, id: string, b: Body) => on(d, id).restart({ t: b.timeout }),
  },
  kill: {
    permission: "workload.lifecycle",
    run: (d: Docker, id: string, b: Body) => on(d, id).kill({ signal: b.signal ?? "SIGKILL" }),
  },
  pause: { permission: "workload.lifecycle", run: (d: Docker, id: string) => on(d, id).pause() },
  unpause: { permission: "workload.lifecycle", run: (d: Docker, id: string) => on(d, id).unpause() },
  rename: {
    permission: "workload.lifecycle",
    run: (d: Docker, id: string, b: Body) => {
      if (!b.name)
        throw new z.ZodError([{ code: "custom", path: ["name"], message: "a new name is required", input: undefined }]);
      return on(d, id).rename({ name: b.name });
    },
  },
  // Same configuration with a changed image tag or environment.
  recreate: {
    permission: "resource.write",
    run: (d: Docker, id: string, b: Body) =>
      recreateContainer(d, id, { image: b.image, env: b.env, stopTimeout: b.timeout }),
  },
  remove: {
    permission: "resource.delete",
    run: (d: Docker, id: string, b: Body) => on(d, id).remove({ v: b.volumes ?? false, force: b.force ?? false }),
  },
} satisfies Record<string, { permission: Action; run: (d: Docker, id: string, b: Body) => Promise<unknown> }>;

export type ContainerAction = keyof typeof CONTAINER_ACTIONS;
export const containerActionName = z.enum(Object.keys(CONTAINER_ACTIONS) as [ContainerAction, ...ContainerAction[]]);
