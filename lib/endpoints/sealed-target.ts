// Encrypting and decrypting an endpoint's target. The ciphertext is bound to the endpoint id.
import { decryptSecret, encryptSecret, SecretError } from "../secrets/crypto";
import { encryptionKey } from "../secrets/key";
import { dockerTargetSchema, kubeTargetSchema, type EndpointTarget } from "./target";

export function sealTarget(endpointId: string, target: EndpointTarget): string {
  return encryptSecret(JSON.stringify(target), encryptionKey(), `endpoint:${endpointId}`);
}

/** Throws SecretError when the key is wrong or the ciphertext was tampered with. */
export function openTarget(endpoint: { id: string; secret: string | null }): EndpointTarget {
  if (!endpoint.secret) throw new SecretError("malformed", "this endpoint has no stored connection settings");
  const json: unknown = JSON.parse(decryptSecret(endpoint.secret, encryptionKey(), `endpoint:${endpoint.id}`));
  const kind = (json as { kind?: string }).kind;
  const parsed = (kind === "kubernetes" ? kubeTargetSchema : dockerTargetSchema).safeParse(json);
  if (!parsed.success) throw new SecretError("malformed", "stored connection settings are not valid");
  return parsed.data;
}
