// Parses an uploaded kubeconfig. Only inline data is accepted: a kubeconfig that names a file
// (certificate-authority, client-key, tokenFile, ...) or a command (exec, auth-provider) is refused,
// since following it would let whoever uploads it read files or run code on this server.
import { LineCounter, parseDocument, isMap, isSeq, type Node, type YAMLMap } from "yaml";
import type { KubeTarget } from "../endpoints/target";

export class KubeconfigError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line ? `kubeconfig line ${line}: ${message}` : `kubeconfig: ${message}`);
    this.name = "KubeconfigError";
  }
}

export interface KubeContextSummary {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
  server?: string;
  /** Why this context cannot be used here; empty when it can. */
  problems: string[];
}

interface Named {
  name: string;
  value: Record<string, unknown>;
  line?: number;
}

const UNSUPPORTED_USER_FIELDS: Record<string, string> = {
  exec: "uses an exec credential plugin (a command run on this server), which is not supported; use a token or client certificate",
  "auth-provider": "uses an auth-provider plugin, which is not supported; use a token or client certificate",
  tokenFile: "reads its token from a file, which is not allowed; paste the token itself",
  "client-certificate": "names a certificate file, which is not allowed; use client-certificate-data",
  "client-key": "names a key file, which is not allowed; use client-key-data",
  username: "uses basic authentication, which Kubernetes no longer supports; use a token or client certificate",
};

function parse(text: string): { doc: Record<string, unknown>; lines: LineCounter; root: YAMLMap } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const first = document.errors[0];
  if (first)
    throw new KubeconfigError(first.message.split("\n")[0] ?? "invalid YAML", lines.linePos(first.pos[0]).line);
  if (!isMap(document.contents)) throw new KubeconfigError("expected a mapping with clusters, users and contexts", 1);
  return { doc: document.toJS() as Record<string, unknown>, lines, root: document.contents };
}

function lineOf(node: Node | null | undefined, lines: LineCounter): number | undefined {
  return node?.range ? lines.linePos(node.range[0]).line : undefined;
}

function namedList(root: YAMLMap, key: string, field: string, lines: LineCounter): Named[] {
  const node = root.get(key, true) as Node | undefined;
  if (node === undefined || node === null) return [];
  if (!isSeq(node)) throw new KubeconfigError(`"${key}" must be a list`, lineOf(node, lines));
  return node.items.map((item) => {
    const js = (item as Node).toJSON() as Record<string, unknown> | null;
    const line = lineOf(item as Node, lines);
    if (!js || typeof js.name !== "string" || !js.name)
      throw new KubeconfigError(`an entry of "${key}" has no name`, line);
    const value = js[field];
    if (!value || typeof value !== "object") {
      throw new KubeconfigError(`"${js.name}" in "${key}" has no "${field}" section`, line);
    }
    return { name: js.name, value: value as Record<string, unknown>, line };
  });
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}

function decodeData(value: unknown, what: string, line?: number): string | undefined {
  const s = str(value);
  if (!s) return undefined;
  const decoded = Buffer.from(s, "base64").toString("utf8");
  if (!decoded.includes("-----BEGIN")) throw new KubeconfigError(`${what} is not base64-encoded PEM data`, line);
  return decoded;
}

interface Parsed {
  clusters: Named[];
  users: Named[];
  contexts: Named[];
  currentContext?: string;
}

function load(text: string): Parsed {
  if (!text.trim()) throw new KubeconfigError("the file is empty");
  const { doc, lines, root } = parse(text);
  const parsed = {
    clusters: namedList(root, "clusters", "cluster", lines),
    users: namedList(root, "users", "user", lines),
    contexts: namedList(root, "contexts", "context", lines),
    currentContext: str(doc["current-context"]),
  };
  if (parsed.contexts.length === 0) throw new KubeconfigError("it defines no contexts");
  return parsed;
}

function problemsOf(cluster: Named | undefined, user: Named | undefined, context: Named): string[] {
  const problems: string[] = [];
  if (!cluster) problems.push(`cluster "${String(context.value.cluster)}" is not defined`);
  else {
    if (!str(cluster.value.server)) problems.push(`cluster "${cluster.name}" has no server URL`);
    if (str(cluster.value["certificate-authority"])) {
      problems.push(`cluster "${cluster.name}" names a CA file, which is not allowed; use certificate-authority-data`);
    }
    if (str(cluster.value["proxy-url"]))
      problems.push(`cluster "${cluster.name}" uses a proxy-url, which is not supported`);
  }
  if (!user) problems.push(`user "${String(context.value.user)}" is not defined`);
  else {
    for (const [field, why] of Object.entries(UNSUPPORTED_USER_FIELDS)) {
      if (user.value[field] !== undefined) problems.push(`user "${user.name}" ${why}`);
    }
  }
  return problems;
}

export function listKubeContexts(text: string): { contexts: KubeContextSummary[]; currentContext?: string } {
  const parsed = load(text);
  const contexts = parsed.contexts.map((context) => {
    const cluster = parsed.clusters.find((c) => c.name === context.value.cluster);
    const user = parsed.users.find((u) => u.name === context.value.user);
    return {
      name: context.name,
      cluster: String(context.value.cluster ?? ""),
      user: String(context.value.user ?? ""),
      namespace: str(context.value.namespace),
      server: str(cluster?.value.server),
      problems: problemsOf(cluster, user, context),
    };
  });
  return { contexts, currentContext: parsed.currentContext };
}

/** The connection target of one context, from inline data only. */
export function resolveKubeContext(text: string, contextName: string): KubeTarget {
  const parsed = load(text);
  const context = parsed.contexts.find((c) => c.name === contextName);
  if (!context) throw new KubeconfigError(`context "${contextName}" is not defined`);
  const cluster = parsed.clusters.find((c) => c.name === context.value.cluster);
  const user = parsed.users.find((u) => u.name === context.value.user);
  const problems = problemsOf(cluster, user, context);
  if (problems.length > 0 || !cluster || !user) throw new KubeconfigError(problems.join("; "), context.line);
  const server = str(cluster.value.server)!;
  try {
    new URL(server);
  } catch {
    throw new KubeconfigError(`cluster "${cluster.name}" has an invalid server URL "${server}"`, cluster.line);
  }
  const ca = decodeData(cluster.value["certificate-authority-data"], `cluster "${cluster.name}" CA`, cluster.line);
  const token = str(user.value.token);
  const cert = decodeData(user.value["client-certificate-data"], `user "${user.name}" certificate`, user.line);
  const key = decodeData(user.value["client-key-data"], `user "${user.name}" key`, user.line);
  if ((cert && !key) || (key && !cert)) {
    throw new KubeconfigError(`user "${user.name}" needs both client-certificate-data and client-key-data`, user.line);
  }
  return {
    kind: "kubernetes",
    server,
    ca,
    insecureSkipTlsVerify: cluster.value["insecure-skip-tls-verify"] === true,
    auth: token ? { type: "token", token } : cert && key ? { type: "certificate", cert, key } : { type: "none" },
    namespace: str(context.value.namespace),
  };
}
