import { invitedUser } from "@/lib/admin/invitations";
import { localAccountsEnabled } from "@/lib/auth/local-accounts";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { AcceptInvitationForm } from "@/components/admin/accept-invitation-form";
import { EntryPage } from "@/components/layout/entry-page";
import { Alert } from "@/components/ui/alert";

export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await invitedUser(token).catch(() => null);
  return (
    <EntryPage title="Welcome to Fleetdeck">
      {!localAccountsEnabled() ? (
        <Alert>Passwords are turned off here: sign in with single sign-on on the sign-in page.</Alert>
      ) : user ? (
        <AcceptInvitationForm token={token} email={user.email} name={user.name} minLength={MIN_PASSWORD_LENGTH} />
      ) : (
        <Alert>This link has expired or was already used. Ask an administrator for a new one.</Alert>
      )}
    </EntryPage>
  );
}
