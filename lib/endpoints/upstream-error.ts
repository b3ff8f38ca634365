// Turns a failure talking to an upstream (Docker engine, Kubernetes API server) into a plain-words
// reason a person can act on, keeping the upstream's own message where there is one.
export type UpstreamErrorCode =
  | "unreachable"
  | "tls"
  | "unauthorized"
  | "forbidden"
  | "timeout"
  | "host-key"
  | "impersonation"
  | "bad-config"
  | "upstream";

export class UpstreamError extends Error {
  constructor(
    readonly code: UpstreamErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "UpstreamError";
  }
}

const TLS_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_SIGNATURE_FAILURE",
  "EPROTO",
  "ERR_SSL_WRONG_VERSION_NUMBER",
]);

interface ErrorLike {
  /** A Node error code, or (client-node ApiException) the HTTP status. */
  code?: string | number;
  /** client-node ApiException: the response body (a Kubernetes Status, as JSON text or object). */
  body?: unknown;
  message?: string;
  statusCode?: number;
  json?: { message?: string } | null;
  reason?: string;
  level?: string;
}

export function describeUpstreamError(error: unknown, address: string): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const e = (error ?? {}) as ErrorLike;
  const message = e.message ?? String(error);
  const code = typeof e.code === "string" ? e.code : "";
  if (code === "ECONNREFUSED" || code === "ENOENT" || code === "EHOSTUNREACH" || code === "ENETUNREACH") {
    return new UpstreamError(
      "unreachable",
      `cannot reach ${address} (${code === "ENOENT" ? "no such socket" : "connection refused"})`,
    );
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return new UpstreamError("unreachable", `cannot resolve the host of ${address}`);
  if (code === "EACCES") return new UpstreamError("unreachable", `permission denied opening ${address}`);
  if (code === "ECONNRESET" || code === "EPIPE") {
    return new UpstreamError("unreachable", `${address} closed the connection (is it speaking TLS, or plain HTTP?)`);
  }
  // node-fetch (client-node) reports a request cut by its timeout signal as an AbortError.
  const aborted =
    (error as { name?: string })?.name === "AbortError" || (error as { name?: string })?.name === "TimeoutError";
  if (code === "ETIMEDOUT" || code === "ESOCKETTIMEDOUT" || aborted || /timed? ?out/i.test(message)) {
    return new UpstreamError("timeout", `no answer from ${address} in time`);
  }
  if (TLS_CODES.has(code) || /certificate|self.signed|ssl|tls/i.test(message)) {
    return new UpstreamError("tls", `TLS verification failed for ${address}: ${message}`);
  }
  if (/Host denied \(verification failed\)/.test(message)) {
    return new UpstreamError(
      "host-key",
      `the SSH host key of ${address} is not the one recorded; refusing to connect. ` +
        "If the change is expected, an administrator can forget the recorded key.",
    );
  }
  if (e.level === "client-authentication" || /All configured authentication methods failed/i.test(message)) {
    return new UpstreamError("unauthorized", `SSH credentials were rejected by ${address}`);
  }
  const status = e.statusCode ?? (typeof e.code === "number" ? e.code : undefined);
  const kubeStatus = kubeStatusMessage(e.body);
  // dockerode: "(HTTP code 500) server error - <engine message>"; keep the engine's own words.
  const upstream = e.json?.message ?? kubeStatus ?? message.replace(/^\(HTTP code \d+\) [^-]*- /, "").trim();
  if (status === 401)
    return new UpstreamError("unauthorized", `credentials rejected by ${address} (401): ${upstream}`, 401);
  if (status === 403) return new UpstreamError("forbidden", `access denied by ${address} (403): ${upstream}`, 403);
  if (status) return new UpstreamError("upstream", `${address} answered ${status}: ${upstream}`, status);
  return new UpstreamError("upstream", `${address}: ${message}`);
}

function kubeStatusMessage(body: unknown): string | undefined {
  try {
    const parsed = (typeof body === "string" ? JSON.parse(body) : body) as { message?: unknown } | undefined;
    return typeof parsed?.message === "string" ? parsed.message : undefined;
  } catch {
    return undefined;
  }
}
