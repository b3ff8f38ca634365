// Checks an endpoint, stores its status and pushes the change to open pages.
import { config } from "../config";
import { db, type Endpoint } from "../db/client";
import { countUpstreamError } from "../metrics/upstream-errors";
import { emitForEndpoint } from "../realtime/hub";
import { SecretError } from "../secrets/crypto";
import { checkConnection, type CheckResult } from "./check-connection";
import { openTarget } from "./sealed-target";
import { endpointSettings } from "./settings";

export async function checkEndpoint(endpoint: Endpoint): Promise<CheckResult> {
  let result: CheckResult;
  try {
    const target = openTarget(endpoint);
    result = await checkConnection(target, {
      tlsVerify: endpoint.tlsVerify,
      timeoutMs: config().UPSTREAM_TIMEOUT_MS,
      sshHostKey: endpoint.sshHostKey,
      impersonate: endpoint.kind === "KUBERNETES" && endpointSettings(endpoint).impersonate === true,
    });
  } catch (error) {
    if (!(error instanceof SecretError)) throw error;
    result = { ok: false, code: "credentials", message: error.message };
  }
  if (!result.ok) countUpstreamError(endpoint.id, result.code);
  const now = new Date();
  // Store the result only if the endpoint still has the settings it was checked with: a check
  // that started before an edit (new key, forgotten host key) must not overwrite the newer truth.
  const stored = await db().endpoint.updateMany({
    where: {
      id: endpoint.id,
      secret: endpoint.secret,
      sshHostKey: endpoint.sshHostKey,
      tlsVerify: endpoint.tlsVerify,
      url: endpoint.url,
    },
    data: {
      status: result.ok ? "UP" : "DOWN",
      version: result.ok ? result.version : endpoint.version,
      lastError: result.ok ? null : result.message,
      lastCheckedAt: now,
      // Trust on first use: the first key seen is recorded, later ones must match it.
      ...(result.ok && result.sshHostKey && !endpoint.sshHostKey ? { sshHostKey: result.sshHostKey } : {}),
    },
  });
  if (stored.count === 0) return result;
  const updated = await db().endpoint.findUnique({ where: { id: endpoint.id } });
  if (!updated) return result;
  emitForEndpoint(endpoint.id, "endpoint:status", {
    id: updated.id,
    status: updated.status,
    version: updated.version,
    lastError: updated.lastError,
    lastCheckedAt: updated.lastCheckedAt?.toISOString() ?? null,
    sshHostKey: updated.sshHostKey,
  });
  return result;
}
