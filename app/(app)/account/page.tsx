import { listAccountSessions } from "@/lib/account/sessions";
import { listAccountTokens } from "@/lib/account/tokens";
import { localAccountsEnabled } from "@/lib/auth/local-accounts";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { requirePageSubject } from "@/lib/auth/page-subject";
import { AccountView } from "@/components/account/account-view";

export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const subject = await requirePageSubject();
  const [sessions, tokens] = await Promise.all([
    listAccountSessions(subject, subject.sessionId ?? ""),
    listAccountTokens(subject),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Your account</h1>
        <p className="text-muted">{subject.email}</p>
      </div>
      <AccountView
        sessions={sessions}
        tokens={tokens}
        minPasswordLength={MIN_PASSWORD_LENGTH}
        passwords={localAccountsEnabled()}
      />
    </div>
  );
}
