// Container lifecycle actions: one table of what each needs and does.
import type Docker from "dockerode";
import { z } from "zod";
import type { Action } from "../rbac/actions";

export const containerActionBody = z
  .object({
    // rename
    name: z
      .string()
      .trim()
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "container names use letters, digits, _ . -")
      .max(128)
      .optional(),
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
  })
  .default({});

type Body = z.infer<typeof containerActionBody>;

export const CONTAINER_ACTIONS = {
  start: { permission: "workload.lifecycle", run: (c: Docker.Container) => c.start() },
  stop: { permission: "workload.lifecycle", run: (c: Docker.Container, b: Body) => c.stop({ t: b.timeout }) },
  restart: { permission: "workload.lifecycle", run: (c: Docker.Container, b: Body) => c.restart({ t: b.timeout }) },
  kill: {
    permission: "workload.lifecycle",
    run: (c: Docker.Container, b: Body) => c.kill({ signal: b.signal ?? "SIGKILL" }),
  },
  pause: { permission: "workload.lifecycle", run: (c: Docker.Container) => c.pause() },
  unpause: { permission: "workload.lifecycle", run: (c: Docker.Container) => c.unpause() },
  rename: {
    permission: "workload.lifecycle",
    run: (c: Docker.Container, b: Body) => {
      if (!b.name)
        throw new z.ZodError([{ code: "custom", path: ["name"], message: "a new name is required", input: undefined }]);
      return c.rename({ name: b.name });
    },
  },
  remove: {
    permission: "resource.delete",
    run: (c: Docker.Container, b: Body) => c.remove({ v: b.volumes ?? false, force: b.force ?? false }),
  },
} satisfies Record<string, { permission: Action; run: (c: Docker.Container, b: Body) => Promise<unknown> }>;

export type ContainerAction = keyof typeof CONTAINER_ACTIONS;
export const containerActionName = z.enum(Object.keys(CONTAINER_ACTIONS) as [ContainerAction, ...ContainerAction[]]);
