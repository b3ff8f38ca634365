// "Create and run a container": the form's input, and the engine call it becomes.
import type Docker from "dockerode";
import { z } from "zod";
import { containerName, envVarName, imageRef } from "./names";

export const createContainerSchema = z.object({
  image: imageRef,
  name: containerName.optional(),
  command: z.array(z.string().max(4096)).max(256).optional(),
  env: z
    .array(z.object({ name: envVarName, value: z.string().max(32_768) }))
    .max(500)
    .default([]),
  ports: z
    .array(
      z.object({
        container: z.coerce.number().int().min(1).max(65535),
        protocol: z.enum(["tcp", "udp"]).default("tcp"),
        host: z.coerce.number().int().min(0).max(65535).optional(),
        hostIp: z.string().max(64).optional(),
      }),
    )
    .max(100)
    .default([]),
  volumes: z
    .array(
      z.object({
        source: z.string().min(1).max(4096),
        target: z.string().startsWith("/", "mount targets are absolute paths").max(4096),
        readOnly: z.boolean().default(false),
      }),
    )
    .max(100)
    .default([]),
  restartPolicy: z.enum(["no", "always", "unless-stopped", "on-failure"]).default("no"),
  labels: z.record(z.string().max(256), z.string().max(4096)).default({}),
  memoryBytes: z.number().int().min(0).optional(),
  cpus: z.number().min(0).max(1024).optional(),
  networkMode: z.string().max(256).optional(),
  start: z.boolean().default(true),
});

export type CreateContainerInput = z.infer<typeof createContainerSchema>;

export function toCreateOptions(input: CreateContainerInput): Docker.ContainerCreateOptions {
  const exposed = Object.fromEntries(input.ports.map((p) => [`${p.container}/${p.protocol}`, {}]));
  const bindings = Object.fromEntries(
    input.ports
      .filter((p) => p.host !== undefined)
      .map((p) => [`${p.container}/${p.protocol}`, [{ HostPort: String(p.host), HostIp: p.hostIp ?? "" }]]),
  );
  return {
    name: input.name,
    Image: input.image,
    Cmd: input.command?.length ? input.command : undefined,
    Env: input.env.map((e) => `${e.name}=${e.value}`),
    Labels: input.labels,
    ExposedPorts: exposed,
    HostConfig: {
      PortBindings: bindings,
      Binds: input.volumes.map((v) => `${v.source}:${v.target}${v.readOnly ? ":ro" : ""}`),
      RestartPolicy: { Name: input.restartPolicy },
      Memory: input.memoryBytes,
      NanoCpus: input.cpus ? Math.round(input.cpus * 1e9) : undefined,
      NetworkMode: input.networkMode,
    },
  };
}
