// Requests to one Kubernetes endpoint's API server with its stored credentials (decrypted in
// memory only), UPSTREAM_TIMEOUT_MS unless said otherwise, and errors in the API server's words.
// Made for a person on an endpoint that impersonates, they carry that person's identity.
import { config } from "../config";
import type { Endpoint } from "../db/client";
import { openTarget } from "../endpoints/sealed-target";
import { describeUpstreamError } from "../endpoints/upstream-error";
import { badRequest } from "../errors";
import { identityFor, impersonationHeaders, type KubeCaller } from "./impersonation";
import { kubeRequest, type KubeRequestOptions } from "./raw-request";

type ApiOptions = Omit<KubeRequestOptions, "timeoutMs" | "tlsVerify" | "headers"> & { timeoutMs?: number };

export type KubeApi = <T>(options: ApiOptions) => Promise<T>;

export function kubeApi(endpoint: Endpoint, caller: KubeCaller): KubeApi {
  const target = openTarget(endpoint);
  if (target.kind !== "kubernetes") throw badRequest(`${endpoint.name} is not a Kubernetes cluster`);
  const identity = identityFor(endpoint, caller);
  return async <T>(options: ApiOptions) => {
    try {
      const headers = identity ? impersonationHeaders(await identity()) : undefined;
      return await kubeRequest<T>(target, {
        timeoutMs: config().UPSTREAM_TIMEOUT_MS,
        tlsVerify: endpoint.tlsVerify,
        ...options,
        headers,
      });
    } catch (error) {
      throw describeUpstreamError(error, endpoint.name);
    }
  };
}
