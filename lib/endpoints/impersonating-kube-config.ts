// Makes a client-node KubeConfig send impersonation headers on every kind of request it serves:
// the generated API clients, Watch and Log (fetch), and exec (WebSocket).
import type { KubeConfig, RequestContext } from "@kubernetes/client-node";
import { impersonationHeaders, type KubeIdentity } from "../kube/impersonation";

/** Every request of `kc` says it is made as the identity (see lib/kube/impersonation.ts). */
export function impersonating(kc: KubeConfig, identity: () => Promise<KubeIdentity>): void {
  // Watch, Log and exec: applyToFetchOptions sends a header array as one line per value.
  const https = kc.applyToHTTPSOptions.bind(kc);
  kc.applyToHTTPSOptions = async (opts) => {
    await https(opts);
    opts.headers = { ...opts.headers, ...impersonationHeaders(await identity()) };
  };
  // The generated API clients: their request context keeps one string per header (two groups
  // would arrive as one, "a,b"), so node-fetch is handed name/value pairs instead, one per line.
  const security = kc.applySecurityAuthentication.bind(kc);
  kc.applySecurityAuthentication = async (context: RequestContext) => {
    await security(context);
    const extra = Object.entries(impersonationHeaders(await identity())).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => [name, v]),
    );
    const own = context.getHeaders.bind(context);
    context.getHeaders = () => [...Object.entries(own()), ...extra] as never;
  };
}
