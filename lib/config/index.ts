// Environment, parsed once with zod. Everything configurable lives here.
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  // Other origins (https://dash.example.com) whose pages may send changes and open sockets.
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    ),
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
  // Audit rows older than this are deleted once a day; 0 keeps them forever.
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(0).default(365),
});

export type Config = z.infer<typeof schema> & { dataDir: string };

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join("\n")}`);
  }
  cached = { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
  return cached;
}
