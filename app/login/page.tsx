import { redirect } from "next/navigation";
import { needsSetup } from "@/lib/auth/setup";
import { LoginForm } from "@/components/layout/login-form";

export const dynamic = "force-dynamic";

export default async function LoginPage() {
  if (await needsSetup()) redirect("/setup");
  return (
    <main className="mx-auto mt-24 max-w-sm space-y-6 px-4">
      <h1 className="text-2xl font-semibold">Sign in to Fleetdeck</h1>
      <LoginForm />
    </main>
  );
}
