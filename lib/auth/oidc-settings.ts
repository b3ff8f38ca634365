// Single sign-on settings from the environment, in the shape the sign-in needs them; null when
// OIDC_ISSUER is not set.
import { config } from "../config";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button says "Sign in with <name>". */
  name: string;
  scopes: string;
  groupsClaim: string;
  /** group → the teams it makes someone a member of. */
  groupTeams: Map<string, string[]>;
  /** Every team named in the mapping: the only teams whose membership sign-in changes. */
  mappedTeams: Set<string>;
  adminGroups: Set<string>;
  /** Lower case, without "@"; empty = any domain. */
  allowedDomains: string[];
}

export function oidcSettings(): OidcSettings | null {
  const env = config();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  const groupTeams = new Map<string, string[]>();
  for (const pair of env.OIDC_GROUP_TEAMS) {
    const [group, team] = pair.split("=").map((s) => s.trim()) as [string, string];
    groupTeams.set(group, [...(groupTeams.get(group) ?? []), team]);
  }
  return {
    issuer: env.OIDC_ISSUER.replace(/\/$/, ""),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    name: env.OIDC_NAME,
    scopes: env.OIDC_SCOPES,
    groupsClaim: env.OIDC_GROUPS_CLAIM,
    groupTeams,
    mappedTeams: new Set([...groupTeams.values()].flat()),
    adminGroups: new Set(env.OIDC_ADMIN_GROUPS),
    allowedDomains: env.OIDC_ALLOWED_DOMAINS,
  };
}
