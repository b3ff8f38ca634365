// A plain Node client for the bench cluster's API server (the admin token, the cluster's CA, kept-alive
// connections): what the floor reads with, and how pods are created and changed fast.
import https from "node:https";
import { readFileSync } from "node:fs";
import type { KubeClusterInfo } from "../../scripts/testenv/state";

export interface KubeHttp {
  /** JSON in, JSON out; rejects with the API server's message on a status ≥ 300 (404 as `null` with `allow404`). */
  json<T>(
    method: string,
    path: string,
    body?: unknown,
    options?: { contentType?: string; allow404?: boolean },
  ): Promise<T>;
  close(): void;
}

export function kubeHttp(cluster: KubeClusterInfo, options: { sockets?: number } = {}): KubeHttp {
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: options.sockets ?? 64,
    ca: readFileSync(cluster.ca, "utf8"),
  });
  const base = new URL(cluster.server);
  return {
    json<T>(method: string, path: string, body?: unknown, opts: { contentType?: string; allow404?: boolean } = {}) {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = {
        accept: "application/json",
        authorization: `Bearer ${cluster.adminToken}`,
      };
      if (payload) {
        headers["content-type"] = opts.contentType ?? "application/json";
        headers["content-length"] = String(Buffer.byteLength(payload));
      }
      return new Promise<T>((resolve, reject) => {
        const request = https.request(
          { host: base.hostname, port: base.port, path, method, headers, agent },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (c: Buffer) => chunks.push(c));
            response.on("error", reject);
            response.on("end", () => {
              const text = Buffer.concat(chunks).toString("utf8");
              const status = response.statusCode ?? 0;
              if (status === 404 && opts.allow404) return resolve(null as T);
              if (status >= 300) return reject(new Error(`${method} ${path}: ${status} ${text.slice(0, 300)}`));
              resolve((text ? JSON.parse(text) : null) as T);
            });
          },
        );
        // Nothing the bench asks for takes a minute; a stuck server must not stall it (or its cleanup).
        request.setTimeout(60_000, () => request.destroy(new Error(`${method} ${path}: no answer in 60 s`)));
        request.on("error", reject);
        request.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}

/** Runs `task` for every item, at most `concurrency` at a time. */
export async function inParallel<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
