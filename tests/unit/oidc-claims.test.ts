// The claims single sign-on reads, as providers really send them: string booleans, one group as a
// string, emails in capitals, names under another claim.
import { describe, expect, it } from "vitest";
import { readClaims } from "../../lib/auth/oidc-claims";
import { signInErrorMessage } from "../../lib/auth/signin-errors";

describe("readClaims", () => {
  it("reads subject, email, verification, name and groups", () => {
    expect(
      readClaims(
        { sub: "abc", email: " Sam@Example.TEST ", email_verified: "true", preferred_username: "sam", roles: "ops" },
        "roles",
      ),
    ).toEqual({ subject: "abc", email: "sam@example.test", emailVerified: true, name: "sam", groups: ["ops"] });
  });

  it("treats anything but true as unverified and drops groups that are not strings", () => {
    const claims = readClaims({ sub: "abc", email: "a@b.test", email_verified: 1, groups: ["ops", 7, ""] }, "groups");
    expect(claims).toMatchObject({ emailVerified: false, groups: ["ops"], name: null });
  });

  it("has no identity without a subject, and no email when it is not one", () => {
    expect(readClaims({ email: "a@b.test" }, "groups")).toBeNull();
    expect(readClaims({ sub: "x", email: "not an email" }, "groups")?.email).toBeNull();
  });
});

describe("signInErrorMessage", () => {
  it("words our refusals and next-auth's codes, and anything else generically", () => {
    expect(signInErrorMessage("disabled")).toMatch(/disabled/);
    expect(signInErrorMessage("OAuthCallback")).toMatch(/did not complete/);
    expect(signInErrorMessage("<script>")).toBe("Sign-in did not work. Try again.");
    expect(signInErrorMessage(undefined)).toBeNull();
  });
});
