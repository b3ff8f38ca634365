// Requests to one Kubernetes endpoint's API server with its stored credentials (decrypted in
// memory only), UPSTREAM_TIMEOUT_MS unless said otherwise, and errors in the API server's words.
import { config } from "../config";
import type { Endpoint } from "../db/client";
import { openTarget } from "../endpoints/sealed-target";
import { describeUpstreamError } from "../endpoints/upstream-error";
import { badRequest } from "../errors";
import { kubeRequest, type KubeRequestOptions } from "./raw-request";

export type KubeApi = <T>(
  options: Omit<KubeRequestOptions, "timeoutMs" | "tlsVerify"> & { timeoutMs?: number },
) => Promise<T>;

export function kubeApi(endpoint: Endpoint): KubeApi {
  const target = openTarget(endpoint);
  if (target.kind !== "kubernetes") throw badRequest(`${endpoint.name} is not a Kubernetes cluster`);
  return async <T>(options: Omit<KubeRequestOptions, "timeoutMs" | "tlsVerify"> & { timeoutMs?: number }) => {
    try {
      return await kubeRequest<T>(target, {
        timeoutMs: config().UPSTREAM_TIMEOUT_MS,
        tlsVerify: endpoint.tlsVerify,
        ...options,
      });
    } catch (error) {
      throw describeUpstreamError(error, endpoint.name);
    }
  };
}
