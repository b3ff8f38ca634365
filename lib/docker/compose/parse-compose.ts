// Reads a compose file into a plan we can carry out through the Docker API. Only what can be
// done faithfully is accepted; anything else is refused with the reason (and the line when the
// YAML itself is wrong), rather than silently ignored.
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { imageRef } from "../names";

export class ComposeError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line ? `compose file line ${line}: ${message}` : `compose file: ${message}`);
    this.name = "ComposeError";
  }
}
const keyValues = z.union([
  z.record(
    z.string(),
    z.union([z.string(), z.number(), z.boolean(), z.null()]).transform((v) => (v === null ? "" : String(v))),
  ),
  z
    .array(z.string())
    .transform((list) =>
      Object.fromEntries(
        list.map((e) => (e.includes("=") ? [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)] : [e, ""])),
      ),
    ),
]);
const commandSchema = z.union([
  z.string().transform((s) => [...s.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "")),
  z.array(z.string()),
]);

const portSchema = z.union([
  z.union([z.string(), z.number()]).transform(String),
  z.object({
    target: z.number(),
    published: z.union([z.number(), z.string()]).optional(),
    protocol: z.enum(["tcp", "udp"]).optional(),
    host_ip: z.string().optional(),
  }),
]);
const volumeMountSchema = z.union([
  z.string(),
  z.object({
    type: z.enum(["volume", "bind"]),
    source: z.string(),
    target: z.string(),
    read_only: z.boolean().optional(),
  }),
]);

const serviceSchema = z
  .object({
    image: z.string().min(1, "every service needs an image (building images is not supported here)").pipe(imageRef),
    command: commandSchema.optional(),
    entrypoint: commandSchema.optional(),
    environment: keyValues.optional(),
    labels: keyValues.optional(),
    ports: z.array(portSchema).optional(),
    volumes: z.array(volumeMountSchema).optional(),
    networks: z
      .union([
        z.array(z.string()),
        z.record(z.string(), z.object({ aliases: z.array(z.string()).optional() }).nullable()),
      ])
      .optional(),
    network_mode: z.string().optional(),
    depends_on: z.union([z.array(z.string()), z.record(z.string(), z.unknown())]).optional(),
    restart: z.enum(["no", "always", "unless-stopped", "on-failure"]).optional(),
    working_dir: z.string().optional(),
    user: z.union([z.string(), z.number()]).transform(String).optional(),
    hostname: z.string().optional(),
    container_name: z.string().optional(),
    mem_limit: z.union([z.string(), z.number()]).optional(),
    cpus: z.union([z.string(), z.number()]).transform(Number).optional(),
  })
  .strict();

const composeSchema = z.object({
  version: z.unknown().optional(),
  name: z.string().optional(),
  services: z.record(
    z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "service names use letters, digits, _ . -"),
    serviceSchema,
  ),
  networks: z
    .record(
      z.string(),
      z
        .object({
          driver: z.string().optional(),
          internal: z.boolean().optional(),
          external: z.boolean().optional(),
          labels: keyValues.optional(),
        })
        .nullable(),
    )
    .optional(),
  volumes: z
    .record(
      z.string(),
      z
        .object({ driver: z.string().optional(), external: z.boolean().optional(), labels: keyValues.optional() })
        .nullable(),
    )
    .optional(),
});

export interface PortMapping {
  container: number;
  protocol: "tcp" | "udp";
  host?: number;
  hostIp?: string;
}

export interface Mount {
  type: "volume" | "bind";
  source: string;
  target: string;
  readOnly: boolean;
}

export interface ServicePlan {
  name: string;
  image: string;
  command?: string[];
  entrypoint?: string[];
  environment: Record<string, string>;
  labels: Record<string, string>;
  ports: PortMapping[];
  mounts: Mount[];
  networks: { name: string; aliases: string[] }[];
  networkMode?: string;
  dependsOn: string[];
  restart: string;
  workingDir?: string;
  user?: string;
  hostname?: string;
  containerName?: string;
  memoryBytes?: number;
  cpus?: number;
}

export interface ComposePlan {
  /** Services in an order that starts each after what it depends on. */
  services: ServicePlan[];
  networks: { name: string; driver: string; internal: boolean; external: boolean; labels: Record<string, string> }[];
  volumes: { name: string; driver: string; external: boolean; labels: Record<string, string> }[];
}

function parsePort(port: z.infer<typeof portSchema>, service: string): PortMapping {
  if (typeof port !== "string") {
    return {
      container: port.target,
      protocol: port.protocol ?? "tcp",
      host: port.published === undefined ? undefined : Number(port.published),
      hostIp: port.host_ip,
    };
  }
  const [mapping = "", protocol = "tcp"] = port.split("/");
  const parts = mapping.split(":");
  const container = Number(parts.pop());
  const host = parts.length ? Number(parts.pop()) : undefined;
  const hostIp = parts.pop();
  if (
    !Number.isInteger(container) ||
    (host !== undefined && !Number.isInteger(host)) ||
    (protocol !== "tcp" && protocol !== "udp")
  ) {
    throw new ComposeError(`service "${service}": cannot read port "${port}" (port ranges are not supported)`);
  }
  return { container, protocol, host, hostIp };
}

function parseMount(mount: z.infer<typeof volumeMountSchema>, service: string): Mount {
  const m =
    typeof mount === "string"
      ? (() => {
          const [source = "", target, mode] = mount.split(":");
          if (!target) return { type: "volume" as const, source: "", target: source, readOnly: false };
          return {
            type:
              source.startsWith("/") || source.startsWith(".") || source.startsWith("~")
                ? ("bind" as const)
                : ("volume" as const),
            source,
            target,
            readOnly: mode === "ro",
          };
        })()
      : { type: mount.type, source: mount.source, target: mount.target, readOnly: mount.read_only ?? false };
  if (m.type === "bind" && !m.source.startsWith("/")) {
    throw new ComposeError(
      `service "${service}": the bind mount "${m.source}" must be an absolute path on the Docker host (relative paths mean nothing there)`,
    );
  }
  if (!m.target.startsWith("/"))
    throw new ComposeError(`service "${service}": mount target "${m.target}" must be an absolute path`);
  return m;
}

function memory(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number") return value;
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim());
  if (!match) throw new ComposeError(`cannot read memory limit "${value}"`);
  return Math.round(
    Number(match[1]) * { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as "" | "k" | "m" | "g"],
  );
}

function startOrder(services: ServicePlan[]): ServicePlan[] {
  const byName = new Map(services.map((s) => [s.name, s]));
  const ordered: ServicePlan[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (s: ServicePlan, path: string[]) => {
    if (state.get(s.name) === "done") return;
    if (state.get(s.name) === "visiting")
      throw new ComposeError(`services depend on each other in a circle: ${[...path, s.name].join(" → ")}`);
    state.set(s.name, "visiting");
    for (const dep of s.dependsOn) {
      const target = byName.get(dep);
      if (!target) throw new ComposeError(`service "${s.name}" depends on "${dep}", which is not defined`);
      visit(target, [...path, s.name]);
    }
    state.set(s.name, "done");
    ordered.push(s);
  };
  for (const s of services) visit(s, []);
  return ordered;
}

export function parseCompose(text: string): ComposePlan {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const first = document.errors[0];
  if (first) throw new ComposeError(first.message.split("\n")[0] ?? "invalid YAML", lines.linePos(first.pos[0]).line);
  const parsed = composeSchema.safeParse(document.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const node = document.getIn(issue.path as (string | number)[], true) as
      | { range?: [number, number, number] }
      | undefined;
    const where = issue.path.join(".");
    const message =
      issue.code === "unrecognized_keys" ? `"${issue.keys.join('", "')}" is not supported` : issue.message;
    throw new ComposeError(
      `${where ? `${where}: ` : ""}${message}`,
      node?.range ? lines.linePos(node.range[0]).line : undefined,
    );
  }
  const compose = parsed.data;
  const services = Object.entries(compose.services).map(([name, s]): ServicePlan => {
    const networks =
      s.networks === undefined
        ? []
        : Array.isArray(s.networks)
          ? s.networks.map((n) => ({ name: n, aliases: [] }))
          : Object.entries(s.networks).map(([n, v]) => ({ name: n, aliases: v?.aliases ?? [] }));
    for (const n of networks)
      if (!compose.networks || !(n.name in compose.networks))
        throw new ComposeError(`service "${name}" uses network "${n.name}", which is not defined under networks`);
    const mounts = (s.volumes ?? []).map((m) => parseMount(m, name));
    for (const m of mounts) {
      if (m.type === "volume" && m.source && !(compose.volumes && m.source in compose.volumes)) {
        throw new ComposeError(`service "${name}" uses volume "${m.source}", which is not defined under volumes`);
      }
    }
    return {
      name,
      image: s.image,
      command: s.command,
      entrypoint: s.entrypoint,
      environment: s.environment ?? {},
      labels: s.labels ?? {},
      ports: (s.ports ?? []).map((p) => parsePort(p, name)),
      mounts,
      networks,
      networkMode: s.network_mode,
      dependsOn:
        s.depends_on === undefined ? [] : Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on),
      restart: s.restart ?? "no",
      workingDir: s.working_dir,
      user: s.user,
      hostname: s.hostname,
      containerName: s.container_name,
      memoryBytes: memory(s.mem_limit),
      cpus: s.cpus,
    };
  });
  return {
    services: startOrder(services),
    networks: Object.entries(compose.networks ?? {}).map(([name, n]) => ({
      name,
      driver: n?.driver ?? "bridge",
      internal: n?.internal ?? false,
      external: n?.external ?? false,
      labels: n?.labels ?? {},
    })),
    volumes: Object.entries(compose.volumes ?? {}).map(([name, v]) => ({
      name,
      driver: v?.driver ?? "local",
      external: v?.external ?? false,
      labels: v?.labels ?? {},
    })),
  };
}
