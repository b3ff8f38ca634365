// The registry of client → server socket events: event name → zod schema of its payload. Every
// handler goes through onEvent (socket-handler.ts), which parses with the schema named here, so an
// event without a schema cannot be handled, and tests can walk every event.
import { z } from "zod";
import { auditFilter } from "../audit/audit-filter";
import { containerRef } from "../docker/names";
import { containerName as kubeContainerName, namespaceName, objectName } from "../kube/names";
import { WORKLOAD_KINDS } from "../kube/workload-kinds";
import { searchLimit, searchText } from "../search/search-input";
import type { ClientToServerEvents } from "./events";
import { MAX_SEARCH_SUBSCRIPTIONS, MAX_TERMINAL_INPUT, MAX_WATCH_NAMESPACES } from "./limits";
import { SHELLS } from "../streams/terminal/terminal-request";

const id = z.string().min(1).max(64);
const kubeSelector = z
  .string()
  .min(1)
  .max(1000)
  .regex(/^[A-Za-z0-9._/\-=!,() ]+$/, "a label selector such as app=web or tier in (api,worker)");
const dockerLabels = z
  .string()
  .min(1)
  .max(1000)
  .regex(
    /^\s*[^=,\s]+(=[^,]*)?(\s*,\s*[^=,\s]+(=[^,]*)?)*\s*$/,
    "labels such as app=api or com.docker.compose.project=web",
  );
const timestamp = z
  .string()
  .max(64)
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/, "an RFC 3339 time");

const logTarget = z.discriminatedUnion("kind", [
  // Names reach engine and API server paths: each is parsed by the upstream's own rules.
  z.object({ kind: z.literal("container"), containerId: containerRef }),
  z.object({
    kind: z.literal("pod"),
    namespace: namespaceName,
    pod: objectName,
    container: kubeContainerName.optional(),
    previous: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("workload"),
    namespace: namespaceName,
    workload: z.enum(WORKLOAD_KINDS),
    name: objectName,
  }),
  z.object({ kind: z.literal("selector"), namespace: namespaceName.optional(), selector: kubeSelector }),
  z.object({ kind: z.literal("labels"), selector: dockerLabels }),
]);

const terminalSize = { cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(1000) };

const terminalTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("container"), containerId: containerRef }),
  z.object({
    kind: z.literal("pod"),
    namespace: namespaceName,
    pod: objectName,
    container: kubeContainerName.optional(),
  }),
]);

const terminalStart = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("shell"), shell: z.enum(SHELLS) }),
  z.object({
    mode: z.literal("command"),
    // Split on blanks into argv upstream; no control characters reach the runtime.
    command: z
      .string()
      .trim()
      .min(1, "a command is required")
      .max(1000)
      // eslint-disable-next-line no-control-regex -- refusing control characters is the point
      .regex(/^[^\x00-\x1f\x7f]+$/, "a command on one line"),
  }),
  z.object({ mode: z.literal("attach") }),
]);

/** The payload of an event as the client sends it (undefined for events that take none). */
type RequestOf<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]> extends [infer First, ...unknown[]]
    ? First extends (...args: never[]) => void
      ? undefined
      : First
    : undefined;

export const CLIENT_EVENT_SCHEMAS = {
  "endpoints:watch": z.undefined(),
  "docker:watch": z.object({ endpointId: id }),
  "docker:unwatch": z.object({ endpointId: id }),
  "kube:watch": z.object({
    endpointId: id,
    // Resolved by the handler, which names the unknown id in its answer.
    resource: z.string().min(1).max(300),
    namespaces: z
      .array(namespaceName)
      .min(1)
      .max(MAX_WATCH_NAMESPACES, `at most ${MAX_WATCH_NAMESPACES} namespaces per watch`)
      .transform((names) => [...new Set(names)])
      .optional(),
    // Only the object with this name (its page, live).
    name: z
      .string()
      .regex(/^[^/\s]{1,253}$/, "name: an object's name")
      .optional(),
    // Only the events about the object with this uid (its page's live events).
    about: z
      .string()
      .regex(/^[0-9a-zA-Z-]{1,64}$/, "about: an object's uid")
      .optional(),
  }),
  "kube:unwatch": z.object({ watchId: id }),
  "kube:overview": z.object({ endpointId: id }),
  "kube:overview-stop": z.object({ endpointId: id }),
  "fleet:watch": z.undefined(),
  "fleet:unwatch": z.undefined(),
  "logs:subscribe": z.object({
    endpointId: id,
    target: logTarget,
    tail: z.number().int().min(0).max(5000).default(300),
    since: timestamp.optional(),
    resume: z.record(z.string().max(600), timestamp).optional(),
  }),
  "logs:unsubscribe": z.object({ subscriptionId: id }),
  "logs:search": z.object({
    subscriptionIds: z
      .array(id)
      .min(1)
      .max(MAX_SEARCH_SUBSCRIPTIONS, `at most ${MAX_SEARCH_SUBSCRIPTIONS} subscriptions per search`)
      .transform((ids) => [...new Set(ids)]),
    pattern: z.string().min(1).max(1000),
    regex: z.boolean().default(false),
    context: z.number().int().min(0).max(20).default(2),
  }),
  "exec:start": z.object({
    endpointId: id,
    target: terminalTarget,
    start: terminalStart,
    size: z.object(terminalSize),
  }),
  "exec:input": z.object({
    sessionId: id,
    data: z.string().min(1).max(MAX_TERMINAL_INPUT, `at most ${MAX_TERMINAL_INPUT} characters of input at once`),
  }),
  "exec:resize": z.object({ sessionId: id, ...terminalSize }),
  "exec:close": z.object({ sessionId: id }),
  "palette:search": z.object({ q: searchText, limit: searchLimit }),
  "audit:watch": auditFilter,
  "audit:unwatch": z.undefined(),
  "usage:watch": z.object({
    endpointId: id,
    target: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("container"), containerId: containerRef }),
      z.object({ kind: z.literal("engine") }),
      z.object({ kind: z.literal("pod"), namespace: namespaceName, pod: objectName }),
      z.object({ kind: z.literal("node"), node: objectName }),
    ]),
  }),
  "usage:unwatch": z.object({ watchId: id }),
} satisfies { [E in keyof ClientToServerEvents]: z.ZodType<unknown, RequestOf<E>> };

export type ClientEvent = keyof typeof CLIENT_EVENT_SCHEMAS;
