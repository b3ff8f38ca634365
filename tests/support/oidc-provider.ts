// A real OpenID Connect provider for tests (the `oidc-provider` package) on 127.0.0.1: one static
// confidential client, accounts with email, email_verified and groups claims, and a one-field login
// page of our own (the package's development pages load web fonts, which nothing reaches here).
// Consent is implied for the one client, so signing in is: type the account's login, press the button.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Provider, type Configuration } from "oidc-provider";
import { freePort } from "../../lib/db/embedded-postgres";

export interface OidcTestAccount {
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
}

/** Logins (the subject too) the provider knows; tests may add to or change its `accounts`. */
export const OIDC_TEST_ACCOUNTS: Record<string, OidcTestAccount> = {
  sam: { email: "sam@example.test", email_verified: true, name: "Sam Sso", groups: ["fleet-ops", "unmapped"] },
  eve: { email: "eve@elsewhere.test", email_verified: true, name: "Eve Elsewhere", groups: ["fleet-ops"] },
};

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, OidcTestAccount>;
  /** The app's environment for this provider (OIDC_SCOPES asks for groups). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>${error ? `<p role="alert">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${escape(uid)}"><label for="login">Login</label>
<input id="login" name="login" autocomplete="off" required autofocus>
<button type="submit">Sign in</button></form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

export async function startOidcProvider(options: {
  /** The app's callback URLs (`<app>/api/auth/callback/oidc`). */
  redirectUris: string[];
  accounts?: Record<string, OidcTestAccount>;
}): Promise<OidcTestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "fleetdeck";
  const clientSecret = randomBytes(24).toString("base64url");
  const accounts = new Map(Object.entries(options.accounts ?? OIDC_TEST_ACCOUNTS));
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig", alg: "RS256" };

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    features: { devInteractions: { enabled: false } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
    },
    // The one client is first-party: what it asks for is granted without a consent page.
    loadExistingGrant: async (ctx) => {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId });
      grant.addOIDCScope(String(oidc.params!.scope ?? "openid"));
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const handleOidc = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string) {
    const html = (status: number, body: string) =>
      res.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(body);
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name !== "login") return html(501, `no ${details.prompt.name} page here`);
    if (req.method !== "POST") return html(200, loginPage(uid));
    const login = (await readForm(req)).get("login")?.trim() ?? "";
    if (!accounts.has(login)) return html(200, loginPage(uid, `no account "${login}"`));
    await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  }

  const server = createServer((req, res) => {
    const uid = /^\/interaction\/([\w-]+)$/.exec(req.url ?? "")?.[1];
    if (!uid) return void handleOidc(req, res);
    interaction(req, res, uid).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" }).end(error.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    env: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_SCOPES: "openid email profile groups",
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
