import { invitedUser } from "@/lib/admin/invitations";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { AcceptInvitationForm } from "@/components/admin/accept-invitation-form";
import { Alert } from "@/components/ui/alert";

export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await invitedUser(token).catch(() => null);
  return (
    <main className="mx-auto mt-24 max-w-sm space-y-6 px-4">
      <h1 className="text-2xl font-semibold">Welcome to Fleetdeck</h1>
      {user ? (
        <AcceptInvitationForm token={token} email={user.email} name={user.name} minLength={MIN_PASSWORD_LENGTH} />
      ) : (
        <Alert>This link has expired or was already used. Ask an administrator for a new one.</Alert>
      )}
    </main>
  );
}
