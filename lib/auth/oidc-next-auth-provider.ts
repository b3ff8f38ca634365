// The next-auth provider for single sign-on: discovery from the issuer, the authorization code
// flow with PKCE and state, an ID token checked by openid-client. Claims are the ID token's with the
// userinfo answer on top: some providers put email and groups only in one of the two.
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { OidcSettings } from "./oidc-settings";

export const OIDC_PROVIDER_ID = "oidc";

type Claims = Record<string, unknown> & { sub: string };

export function oidcNextAuthProvider(settings: OidcSettings): OAuthConfig<Claims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: settings.scopes } },
    idToken: true,
    checks: ["pkce", "state"],
    userinfo: {
      request: async ({ tokens, client }) => {
        // A TokenSet of next-auth's own openid-client (its types say less).
        const set = tokens as unknown as { claims(): Claims; access_token?: string };
        const fromIdToken = set.claims();
        if (!client.issuer.metadata.userinfo_endpoint || !set.access_token) return fromIdToken;
        const info: Record<string, unknown> = await client.userinfo(set.access_token);
        if (info.sub !== fromIdToken.sub) throw new Error("the userinfo answer is about another subject");
        return { ...fromIdToken, ...info };
      },
    },
    // The account is found or made in the signIn callback (lib/auth/oidc-signin.ts), not here.
    profile: (claims) => ({ id: claims.sub, email: typeof claims.email === "string" ? claims.email : null }),
  };
}
