// Environment, parsed once with zod. Everything configurable lives here.
import path from "node:path";
import { z } from "zod";

/** "a, b,,c" → ["a", "b", "c"] */
const commaList = z
  .string()
  .default("")
  .transform((s) =>
    s
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  );

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  // Other origins (https://dash.example.com) whose pages may send changes and open sockets.
  ALLOWED_ORIGINS: commaList,
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z.string().url().optional(),
  // 32 bytes as base64 or hex; otherwise a key file is created in DATA_DIR.
  ENCRYPTION_KEY: z.string().optional(),
  // Signs session tokens; otherwise a secret file is created in DATA_DIR.
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  SESSION_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(8 * 3600),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(12).optional(),
  // Background health checks of endpoints.
  ENDPOINT_CHECK_INTERVAL_SECONDS: z.coerce.number().min(1).default(30),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).default(8000),
  // Failed sign-ins per account in the window before each attempt is slowed down; ×4 per client
  // address before that address is refused (lib/auth/signin-limit.ts).
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGNIN_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  // A terminal nobody typed in for this long is closed; 0 never closes one.
  EXEC_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(0).default(1800),
  // Audit rows older than this are deleted once a day; 0 keeps them forever.
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(0).default(365),
  // On SIGTERM: how long open requests may take to finish before the instance exits anyway.
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(600).default(20),
  // Log lines at this level and above (JSON on stdout; lib/log/logger.ts reads it too).
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Bearer token Prometheus sends to /api/metrics; without it, /api/metrics answers 404.
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  // Email and password sign-in; "off" leaves single sign-on as the only way in (lib/auth/local-accounts.ts).
  LOCAL_ACCOUNTS: z.enum(["on", "off"]).default("on"),
  // Single sign-on through OpenID Connect (lib/auth/oidc-*.ts); off unless OIDC_ISSUER is set.
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().trim().min(1).max(60).default("single sign-on"),
  OIDC_SCOPES: z.string().trim().min(1).default("openid email profile"),
  OIDC_GROUPS_CLAIM: z.string().trim().min(1).default("groups"),
  // "group=Team,other group=Other team": membership of these teams follows the groups at each sign-in.
  OIDC_GROUP_TEAMS: commaList,
  // Groups whose members are administrators (granted and taken away at each sign-in).
  OIDC_ADMIN_GROUPS: commaList,
  // Email domains allowed to sign in by single sign-on (verified emails only); empty = any.
  OIDC_ALLOWED_DOMAINS: commaList.transform((domains) => domains.map((d) => d.toLowerCase().replace(/^@/, ""))),
});

/** Settings that only make sense together. */
const checked = schema.superRefine((env, ctx) => {
  if (env.OIDC_ISSUER && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET))
    ctx.addIssue({
      code: "custom",
      path: ["OIDC_CLIENT_ID"],
      message: "OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET",
    });
  if (env.LOCAL_ACCOUNTS === "off" && !env.OIDC_ISSUER)
    ctx.addIssue({
      code: "custom",
      path: ["LOCAL_ACCOUNTS"],
      message: "LOCAL_ACCOUNTS=off needs single sign-on (OIDC_ISSUER)",
    });
  for (const pair of env.OIDC_GROUP_TEAMS)
    if (!/^[^=]+=[^=]+$/.test(pair))
      ctx.addIssue({ code: "custom", path: ["OIDC_GROUP_TEAMS"], message: `"${pair}" is not group=Team` });
});

export type Config = z.infer<typeof checked> & { dataDir: string };

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const parsed = checked.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join("\n")}`);
  }
  cached = { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
  return cached;
}
