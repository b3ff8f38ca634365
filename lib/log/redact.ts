// What never reaches a log line: values under secret-looking keys (pino's redact paths) and
// secrets that hide inside text (a URL's password, a bearer token, an API token, a private key).

const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "passphrase",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "apiToken",
  "authorization",
  "cookie",
  "secret",
  "clientSecret",
  "privateKey",
  "clientKey",
  "tlsKey",
  "key",
  "encryptionKey",
  "connectionString",
  "databaseUrl",
  "DATABASE_URL",
];

/** pino redact paths: each key at the top, one level down, and request/response headers. */
export const REDACT_PATHS = [
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`]),
  ...["headers", "req.headers", "*.headers"].flatMap((h) => [
    `${h}.authorization`,
    `${h}.cookie`,
    `${h}["set-cookie"]`,
  ]),
];

const TEXT_SECRETS: [RegExp, string][] = [
  // scheme://user:password@host
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi, "$1:[redacted]@"],
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]"],
  [/\bfd_[A-Za-z0-9_-]{16,}/g, "fd_[redacted]"],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, "[redacted private key]"],
];

export function scrubText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of TEXT_SECRETS) out = out.replace(pattern, replacement);
  return out;
}
