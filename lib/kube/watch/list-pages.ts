// The initial (and every re-)list of a watch: a plain GET of any resource's collection, paged
// with limit/continue so a 20,000-pod cluster never arrives as one huge answer, each page bounded
// by UPSTREAM_TIMEOUT_MS. Plain request, because client-node's generated clients are per kind
// and turn timestamps into Date objects; a watch needs the objects as the API server sent them.
import http from "node:http";
import https from "node:https";
import type { KubeConfig } from "@kubernetes/client-node";
import { config } from "../../config";
import { KubeHttpError } from "../raw-request";
import { resourcePath, type KubeObject, type KubeResourceRef } from "../kinds/kind";

export const LIST_PAGE_SIZE = 500;
/** A page of 500 large objects stays well under this; a runaway answer is cut off. */
const MAX_PAGE_BYTES = 128 * 1024 * 1024;
/** A continue token expires (410) when a list takes longer than etcd keeps its revision. */
const MAX_LIST_RESTARTS = 3;

interface ListPage {
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string };
  items?: KubeObject[];
}

export interface FullList {
  items: KubeObject[];
  /** Where a watch continues from: the list's snapshot. */
  resourceVersion: string;
}

export async function listAllPages(options: {
  kc: KubeConfig;
  ref: KubeResourceRef;
  namespace: string | null;
  signal: AbortSignal;
  pageSize?: number;
}): Promise<FullList> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await listOnce(options);
    } catch (error) {
      const expired = error instanceof KubeHttpError && error.statusCode === 410;
      if (!expired || attempt >= MAX_LIST_RESTARTS) throw error;
    }
  }
}

async function listOnce(options: Parameters<typeof listAllPages>[0]): Promise<FullList> {
  const { kc, ref, namespace, signal } = options;
  const path = resourcePath(ref, { namespace: namespace ?? undefined });
  // Items of a list carry no apiVersion/kind; watch events do. Give stored objects both.
  const apiVersion = ref.group ? `${ref.group}/${ref.version}` : ref.version;
  const items: KubeObject[] = [];
  let resourceVersion = "";
  let token: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(options.pageSize ?? LIST_PAGE_SIZE) });
    if (token) query.set("continue", token);
    const page = await getJson<ListPage>(kc, `${path}?${query}`, signal);
    const kind = page.kind?.replace(/List$/, "");
    for (const item of page.items ?? []) items.push({ apiVersion, kind, ...item });
    // Every page of one list shares the first page's snapshot.
    resourceVersion ||= page.metadata?.resourceVersion ?? "";
    token = page.metadata?.continue || undefined;
  } while (token);
  return { items, resourceVersion };
}

async function getJson<T>(kc: KubeConfig, path: string, signal: AbortSignal): Promise<T> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error("the endpoint's configuration has no cluster");
  const init = await kc.applyToFetchOptions({});
  const headers: Record<string, string> = { accept: "application/json" };
  new Headers(init.headers as HeadersInit).forEach((value, name) => (headers[name] = value));
  const url = new URL(cluster.server + path);
  const bounded = AbortSignal.any([signal, AbortSignal.timeout(config().UPSTREAM_TIMEOUT_MS)]);
  const client = url.protocol === "https:" ? https : http;
  return new Promise<T>((resolve, reject) => {
    const request = client.get(url, { agent: init.agent as http.Agent, headers, signal: bounded }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_PAGE_BYTES) request.destroy(new Error("the API server's answer is too large"));
        else chunks.push(chunk);
      });
      response.on("error", reject);
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300 && json) return resolve(json as T);
        const kubeStatus = json as { message?: string; reason?: string } | undefined;
        reject(
          new KubeHttpError(
            status,
            kubeStatus?.message ?? (text.slice(0, 300) || `HTTP ${status}`),
            kubeStatus?.reason,
          ),
        );
      });
    });
    request.on("error", reject);
  });
}
