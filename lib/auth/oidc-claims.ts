// The few claims sign-in uses, read defensively from the ID token and userinfo answer: providers
// differ in types (email_verified as "true", a single group as a string).
import { z } from "zod";

export interface SsoClaims {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  groups: string[];
}

const text = z.string().trim().min(1).max(254);

function groupsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  return list.filter((g): g is string => typeof g === "string" && g.length > 0 && g.length <= 256);
}

export function readClaims(raw: Record<string, unknown>, groupsClaim: string): SsoClaims | null {
  const subject = text.safeParse(raw.sub);
  if (!subject.success) return null;
  const email = z
    .email()
    .max(254)
    .safeParse(typeof raw.email === "string" ? raw.email.trim().toLowerCase() : null);
  const name = [raw.name, raw.preferred_username].map((v) => text.safeParse(v)).find((r) => r.success);
  return {
    subject: subject.data,
    email: email.success ? email.data : null,
    emailVerified: raw.email_verified === true || raw.email_verified === "true",
    name: name?.success ? name.data.slice(0, 100) : null,
    groups: groupsOf(raw[groupsClaim]),
  };
}
