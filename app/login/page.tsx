import { redirect } from "next/navigation";
import { localAccountsEnabled } from "@/lib/auth/local-accounts";
import { oidcSettings } from "@/lib/auth/oidc-settings";
import { needsSetup } from "@/lib/auth/setup";
import { signInErrorMessage } from "@/lib/auth/signin-errors";
import { EntryPage } from "@/components/layout/entry-page";
import { LoginForm } from "@/components/layout/login-form";
import { SsoButton } from "@/components/layout/sso-button";
import { Alert } from "@/components/ui/alert";

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  if (await needsSetup()) redirect("/setup");
  const { error } = await searchParams;
  const message = signInErrorMessage(typeof error === "string" ? error : undefined);
  const local = localAccountsEnabled();
  const sso = oidcSettings()?.name ?? null;
  return (
    <EntryPage title="Sign in to Fleetdeck">
      {local ? <LoginForm initialError={message} /> : message ? <Alert>{message}</Alert> : null}
      {sso ? (
        <div className="space-y-3">
          {local ? <p className="text-center text-sm text-muted">or</p> : null}
          <SsoButton name={sso} primary={!local} />
        </div>
      ) : null}
    </EntryPage>
  );
}
