// A @kubernetes/client-node KubeConfig for a Kubernetes endpoint, built from its decrypted target
// (inline data only) and kept per process while the endpoint is unchanged. One made for a person
// on an endpoint that impersonates is built afresh and carries that person's identity.
import { KubeConfig, type RequestContext } from "@kubernetes/client-node";
import { config } from "../config";
import type { Endpoint } from "../db/client";
import { badRequest } from "../errors";
import { identityFor, type KubeCaller } from "../kube/impersonation";
import { impersonating } from "./impersonating-kube-config";
import { openTarget } from "./sealed-target";

const key = Symbol.for("fleetdeck.kubeConfigs");
type Cache = Map<string, { version: string; kc: KubeConfig }>;

function cache(): Cache {
  const holder = globalThis as { [key]?: Cache };
  holder[key] ??= new Map();
  return holder[key];
}

/**
 * Every request of the generated API clients (lists, reads, writes — not the Watch and Log
 * streams, which use their own fetch options) gets UPSTREAM_TIMEOUT_MS: client-node sets no
 * timeout, so an API server that accepts and never answers would hold a request forever.
 */
function boundRequests(kc: KubeConfig, timeoutMs: number): void {
  const apply = kc.applySecurityAuthentication.bind(kc);
  kc.applySecurityAuthentication = async (context: RequestContext) => {
    await apply(context);
    if (!context.getSignal()) context.setSignal(AbortSignal.timeout(timeoutMs) as never);
  };
}

export function kubeConfigFor(endpoint: Endpoint, caller: KubeCaller): KubeConfig {
  if (endpoint.kind !== "KUBERNETES") throw badRequest("this endpoint is not a Kubernetes cluster");
  const identity = identityFor(endpoint, caller);
  if (identity) {
    const kc = buildKubeConfig(endpoint);
    impersonating(kc, identity);
    return kc;
  }
  const version = `${endpoint.secret}|${endpoint.tlsVerify}`;
  const cached = cache().get(endpoint.id);
  if (cached?.version === version) return cached.kc;
  const kc = buildKubeConfig(endpoint);
  cache().set(endpoint.id, { version, kc });
  return kc;
}

function buildKubeConfig(endpoint: Endpoint): KubeConfig {
  const target = openTarget(endpoint);
  if (target.kind !== "kubernetes") throw badRequest("this endpoint is not a Kubernetes cluster");
  const b64 = (pem: string | undefined) => (pem ? Buffer.from(pem).toString("base64") : undefined);
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: "cluster",
        server: target.server,
        caData: b64(target.ca),
        // client-node refuses http:// unless told to skip TLS checks; there is no TLS to check.
        skipTLSVerify: target.insecureSkipTlsVerify || !endpoint.tlsVerify || target.server.startsWith("http:"),
      },
    ],
    users: [
      {
        name: "user",
        token: target.auth.type === "token" ? target.auth.token : undefined,
        certData: target.auth.type === "certificate" ? b64(target.auth.cert) : undefined,
        keyData: target.auth.type === "certificate" ? b64(target.auth.key) : undefined,
      },
    ],
    contexts: [{ name: "context", cluster: "cluster", user: "user", namespace: target.namespace }],
    currentContext: "context",
  });
  boundRequests(kc, config().UPSTREAM_TIMEOUT_MS);
  return kc;
}
