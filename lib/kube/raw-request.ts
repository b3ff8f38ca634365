// A small JSON request to a Kubernetes API server with the target's credentials and a hard
// timeout, for connection checks. (Resource operations use @kubernetes/client-node.)
import http from "node:http";
import https from "node:https";
import type { KubeTarget } from "../endpoints/target";

export interface KubeRequestOptions {
  method?: "GET" | "POST";
  path: string;
  body?: unknown;
  timeoutMs: number;
  tlsVerify: boolean;
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
  const url = new URL(options.path, target.server.endsWith("/") ? target.server : `${target.server}/`);
  const headers: Record<string, string> = { accept: "application/json" };
  if (target.auth.type === "token") headers.authorization = `Bearer ${target.auth.token}`;
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (payload) headers["content-type"] = "application/json";
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
          if (size > 4 * 1024 * 1024) request.destroy(new Error("response too large"));
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
