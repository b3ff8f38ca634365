// A JSON request to a Kubernetes API server with the target's credentials and a hard timeout: for
// connection checks, and for the generic resource operations (any group/version/resource, which
// client-node's typed clients cannot name at run time). Watches use client-node's Watch.
import http from "node:http";
import https from "node:https";
import type { KubeTarget } from "../endpoints/target";

export interface KubeRequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON, or a string sent as is (YAML for server-side apply). */
  body?: unknown;
  /** For PATCH: merge-patch, strategic merge or apply (server-side apply). */
  contentType?: string;
  timeoutMs: number;
  tlsVerify: boolean;
  /** Larger answers are refused (default 4 MB). */
  maxBytes?: number;
  /** More headers (impersonation); an array is sent as one header line per value. */
  headers?: Record<string, string | string[]>;
}

export class KubeHttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = "KubeHttpError";
  }
}

export function kubeRequest<T>(target: KubeTarget, options: KubeRequestOptions): Promise<T> {
  const url = new URL(
    options.path.replace(/^\//, ""),
    target.server.endsWith("/") ? target.server : `${target.server}/`,
  );
  for (const [key, value] of Object.entries(options.query ?? {}))
    if (value !== undefined) url.searchParams.set(key, String(value));
  const headers: Record<string, string | string[]> = { ...options.headers, accept: "application/json" };
  if (target.auth.type === "token") headers.authorization = `Bearer ${target.auth.token}`;
  const payload =
    options.body === undefined
      ? undefined
      : typeof options.body === "string"
        ? options.body
        : JSON.stringify(options.body);
  if (payload) {
    headers["content-type"] = options.contentType ?? "application/json";
    // An exact length: a chunked DELETE body the API server leaves unread would poison the next
    // request on the same keep-alive connection (it answered that one "400 Bad Request").
    headers["content-length"] = String(Buffer.byteLength(payload));
  }
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  const isHttps = url.protocol === "https:";
  const tls = isHttps
    ? {
        ca: target.ca,
        cert: target.auth.type === "certificate" ? target.auth.cert : undefined,
        key: target.auth.type === "certificate" ? target.auth.key : undefined,
        rejectUnauthorized: options.tlsVerify && !target.insecureSkipTlsVerify,
      }
    : {};
  return new Promise<T>((resolve, reject) => {
    const request = (isHttps ? https : http).request(
      url,
      { method: options.method ?? "GET", headers, timeout: options.timeoutMs, ...tls },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) request.destroy(new Error(`the answer is larger than ${maxBytes} bytes`));
          else chunks.push(chunk);
        });
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) return resolve(json as T);
          const statusObject = json as { message?: string; reason?: string } | undefined;
          reject(
            new KubeHttpError(
              status,
              statusObject?.message ?? (text.slice(0, 200) || `HTTP ${status}`),
              statusObject?.reason,
            ),
          );
        });
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
    request.on("error", reject);
    request.end(payload);
  });
}
