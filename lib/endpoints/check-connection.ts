// "Test connection": reach the upstream with the target's credentials and report its version, or
// the cause of failure in plain words. Every check has a timeout.
import { connectDocker } from "../docker/connect";
import { kubeRequest, KubeHttpError } from "../kube/raw-request";
import { describeUpstreamError, UpstreamError } from "./upstream-error";
import { displayAddress, type DockerTarget, type EndpointTarget, type KubeTarget } from "./target";

export interface CheckOptions {
  tlsVerify: boolean;
  timeoutMs: number;
  sshHostKey?: string | null;
  /** Kubernetes: the endpoint acts as the signed-in person, so its credentials must be allowed to. */
  impersonate?: boolean;
}

export type CheckResult =
  | { ok: true; version: string; detail?: string; sshHostKey?: string }
  | { ok: false; code: string; message: string; sshHostKey?: string };

function withTimeout<T>(promise: Promise<T>, ms: number, address: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UpstreamError("timeout", `no answer from ${address} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function checkDocker(target: DockerTarget, options: CheckOptions, seen: { key?: string; refused?: boolean }) {
  const docker = connectDocker(target, {
    ...options,
    onSshHostKey: (fingerprint, accepted) => {
      seen.key = fingerprint;
      seen.refused = !accepted;
    },
  });
  try {
    const version = await docker.version();
    return {
      version: `Docker ${version.Version} (API ${version.ApiVersion})`,
      detail: `${version.Os}/${version.Arch}`,
    };
  } catch (error) {
    if (seen.refused) {
      throw new UpstreamError(
        "host-key",
        `the SSH host key of ${target.transport === "ssh" ? target.host : ""} changed (now ${seen.key}); refusing to connect. ` +
          "If the change is expected, forget the recorded key and test again.",
      );
    }
    throw error;
  } finally {
    // A check's client is used once: close its keep-alive connections rather than leave them open.
    (docker.modem as { agent?: { destroy(): void } }).agent?.destroy();
  }
}

async function checkKube(target: KubeTarget, options: CheckOptions) {
  const request = { timeoutMs: options.timeoutMs, tlsVerify: options.tlsVerify };
  const version = await kubeRequest<{ gitVersion: string; platform?: string }>(target, {
    ...request,
    path: "/version",
  });
  // /version is readable anonymously; an authenticated call proves the credentials work.
  let user: string | undefined;
  try {
    const review = await kubeRequest<{ status?: { userInfo?: { username?: string } } }>(target, {
      ...request,
      method: "POST",
      path: "/apis/authentication.k8s.io/v1/selfsubjectreviews",
      body: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" },
    });
    user = review.status?.userInfo?.username;
  } catch (error) {
    if (!(error instanceof KubeHttpError && error.statusCode === 404)) throw error;
  }
  if (user === "system:anonymous") {
    throw new UpstreamError(
      "unauthorized",
      `${target.server} treated the request as anonymous: no credentials were accepted`,
    );
  }
  if (options.impersonate) await checkMayImpersonate(target, request, user);
  return { version: `Kubernetes ${version.gitVersion}`, detail: user ? `signed in as ${user}` : version.platform };
}

/** Asks the cluster (SelfSubjectAccessReview) whether these credentials may impersonate users and groups. */
async function checkMayImpersonate(
  target: KubeTarget,
  request: { timeoutMs: number; tlsVerify: boolean },
  user: string | undefined,
) {
  for (const resource of ["users", "groups"]) {
    const review = await kubeRequest<{ status?: { allowed?: boolean } }>(target, {
      ...request,
      method: "POST",
      path: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
      body: {
        apiVersion: "authorization.k8s.io/v1",
        kind: "SelfSubjectAccessReview",
        spec: { resourceAttributes: { verb: "impersonate", group: "", resource } },
      },
    });
    if (!review.status?.allowed)
      throw new UpstreamError(
        "impersonation",
        `${user ?? "these credentials"} may not impersonate ${resource} on ${target.server}: give them a ClusterRole ` +
          'allowing "impersonate" on users and groups, or turn impersonation off',
      );
  }
}

export async function checkConnection(target: EndpointTarget, options: CheckOptions): Promise<CheckResult> {
  const address = displayAddress(target);
  const seen: { key?: string; refused?: boolean } = {};
  try {
    const run = target.kind === "docker" ? checkDocker(target, options, seen) : checkKube(target, options);
    const result = await withTimeout(run, options.timeoutMs + 500, address);
    return { ok: true, ...result, sshHostKey: seen.key };
  } catch (error) {
    const described = describeUpstreamError(error, address);
    return { ok: false, code: described.code, message: described.message, sshHostKey: seen.key };
  }
}
