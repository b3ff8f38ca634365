// The people of the authorization matrix: every kind of caller the dashboard must tell apart, each a
// real account (or none) signed in through the real sign-in, with the grants it names.
import { readFileSync } from "node:fs";
import path from "node:path";
import { decode, encode } from "next-auth/jwt";
import { inject } from "vitest";
import type { EndpointRole } from "../../lib/rbac/actions";
import { ApiClient } from "./api-client";
import { createUser, grant } from "./seed";

/** Where a persona's grants are: the Docker and Kubernetes endpoints under test, or another one. */
export interface MatrixEndpoints {
  docker: string;
  kube: string;
  other: string;
}

export type PersonaName =
  | "anonymous"
  | "expired session"
  | "ended session"
  | "disabled user"
  | "VIEWER of another endpoint"
  | "OPERATOR of another endpoint"
  | "ENDPOINT_ADMIN of another endpoint"
  | "VIEWER"
  | "OPERATOR"
  | "ENDPOINT_ADMIN"
  | "ENDPOINT_ADMIN of one namespace"
  | "read-only token"
  | "administrator";

export interface Persona {
  name: PersonaName;
  client: ApiClient;
  /** The account behind it (none for anonymous). */
  userId: string | null;
  password: string | null;
  /** Refused before anything else: no valid credential. */
  signedOut: boolean;
  token?: string;
  isAdmin: boolean;
  /** Effective role on each endpoint under test (after a token's ceiling), and namespace limits. */
  roles: Partial<Record<keyof MatrixEndpoints, EndpointRole>>;
  namespaces?: string[];
}

const SESSION_COOKIE = "next-auth.session-token";

async function signedIn(grants: { endpointId: string; role: EndpointRole; namespaces?: string[] }[], isAdmin = false) {
  const user = await createUser({ isAdmin });
  for (const g of grants) await grant({ userId: user.id, ...g });
  const client = new ApiClient(inject("appUrl"));
  const error = await client.signIn(user.email, user.password);
  if (error) throw new Error(`sign-in of ${user.email} failed: ${error}`);
  return { user, client };
}

function sessionSecret(): string {
  const file = path.join(inject("appDataDir"), "session.secret");
  return Buffer.from(readFileSync(file, "utf8").trim(), "base64").toString("base64url");
}

/** The same session cookie, re-signed with an expiry in the past (its server-side session stays open). */
async function expiredCookie(client: ApiClient): Promise<string> {
  const value = cookieValue(client);
  const secret = sessionSecret();
  const claims = await decode({ token: value, secret });
  if (!claims) throw new Error("could not read the session cookie");
  return encode({ token: claims, secret, maxAge: -60 });
}

export async function matrixPersonas(endpoints: MatrixEndpoints, inNamespace: string): Promise<Persona[]> {
  const appUrl = inject("appUrl");
  const both = (role: EndpointRole) => [
    { endpointId: endpoints.docker, role },
    { endpointId: endpoints.kube, role },
  ];
  const persona = async (
    name: PersonaName,
    grants: { endpointId: string; role: EndpointRole; namespaces?: string[] }[],
    roles: Persona["roles"],
    extra: Partial<Persona> = {},
  ): Promise<Persona> => {
    const { user, client } = await signedIn(grants);
    return {
      name,
      client,
      userId: user.id,
      password: user.password,
      signedOut: false,
      isAdmin: false,
      roles,
      ...extra,
    };
  };

  const expired = await signedIn(both("ENDPOINT_ADMIN"));
  const expiredClient = new ApiClient(appUrl).setCookie(SESSION_COOKIE, await expiredCookie(expired.client));

  const ended = await signedIn(both("ENDPOINT_ADMIN"));
  // The cookie is kept as a browser that missed the sign-out would keep it.
  const endedClient = new ApiClient(appUrl).setCookie(SESSION_COOKIE, cookieValue(ended.client));
  const endedStatus = (await ended.client.request("DELETE", "/api/account/sessions?scope=all")).status;
  if (endedStatus >= 300) throw new Error(`ending the session failed (${endedStatus})`);

  const disabled = await signedIn(both("ENDPOINT_ADMIN"));

  const tokenOwner = await signedIn(both("ENDPOINT_ADMIN"));
  const created = await tokenOwner.client.request<{ token: string }>("POST", "/api/account/tokens", {
    name: "matrix read-only",
    ceiling: "VIEWER",
    expiresInDays: 1,
  });
  if (created.status !== 201) throw new Error(`token creation failed: ${created.text}`);

  const admin = await signedIn([], true);
  const disabling = await admin.client.request("PATCH", `/api/admin/users/${disabled.user.id}`, { disabled: true });
  if (disabling.status !== 200) throw new Error(`disabling failed: ${disabling.text}`);

  const personas: Persona[] = [
    {
      name: "anonymous",
      client: new ApiClient(appUrl),
      userId: null,
      password: null,
      signedOut: true,
      isAdmin: false,
      roles: {},
    },
    {
      name: "expired session",
      client: expiredClient,
      userId: expired.user.id,
      password: null,
      signedOut: true,
      isAdmin: false,
      roles: {},
    },
    {
      name: "ended session",
      client: endedClient,
      userId: ended.user.id,
      password: null,
      signedOut: true,
      isAdmin: false,
      roles: {},
    },
    {
      name: "disabled user",
      client: disabled.client,
      userId: disabled.user.id,
      password: null,
      signedOut: true,
      isAdmin: false,
      roles: {},
    },
    await persona("VIEWER of another endpoint", [{ endpointId: endpoints.other, role: "VIEWER" }], { other: "VIEWER" }),
    await persona("OPERATOR of another endpoint", [{ endpointId: endpoints.other, role: "OPERATOR" }], {
      other: "OPERATOR",
    }),
    await persona("ENDPOINT_ADMIN of another endpoint", [{ endpointId: endpoints.other, role: "ENDPOINT_ADMIN" }], {
      other: "ENDPOINT_ADMIN",
    }),
    await persona("VIEWER", both("VIEWER"), { docker: "VIEWER", kube: "VIEWER" }),
    await persona("OPERATOR", both("OPERATOR"), { docker: "OPERATOR", kube: "OPERATOR" }),
    await persona("ENDPOINT_ADMIN", both("ENDPOINT_ADMIN"), { docker: "ENDPOINT_ADMIN", kube: "ENDPOINT_ADMIN" }),
    await persona(
      "ENDPOINT_ADMIN of one namespace",
      [{ endpointId: endpoints.kube, role: "ENDPOINT_ADMIN", namespaces: [inNamespace] }],
      { kube: "ENDPOINT_ADMIN" },
      { namespaces: [inNamespace] },
    ),
    {
      name: "read-only token",
      client: new ApiClient(appUrl, { authorization: `Bearer ${created.json.token}` }),
      userId: tokenOwner.user.id,
      password: null,
      signedOut: false,
      token: created.json.token,
      isAdmin: false,
      roles: { docker: "VIEWER", kube: "VIEWER" },
    },
    {
      name: "administrator",
      client: admin.client,
      userId: admin.user.id,
      password: admin.user.password,
      signedOut: false,
      isAdmin: true,
      roles: { docker: "ENDPOINT_ADMIN", kube: "ENDPOINT_ADMIN", other: "ENDPOINT_ADMIN" },
    },
  ];
  return personas;
}

function cookieValue(client: ApiClient): string {
  const value = /next-auth\.session-token=([^;]+)/.exec(client.cookie)?.[1];
  if (!value) throw new Error("no session cookie");
  return value;
}
