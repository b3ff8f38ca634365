import { redirect } from "next/navigation";
import { currentPageSubject } from "@/lib/auth/page-subject";
import { needsSetup } from "@/lib/auth/setup";
import { SetupWizard } from "@/components/layout/setup-wizard";

export const dynamic = "force-dynamic";

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ step?: string }> }) {
  const { step } = await searchParams;
  const fresh = await needsSetup();
  // Once an administrator exists, only the "add local endpoints" step remains, for a signed-in user.
  if (!fresh && (step !== "local" || !(await currentPageSubject()))) redirect("/login");
  return (
    <main className="mx-auto mt-16 max-w-lg space-y-6 px-4">
      <h1 className="text-2xl font-semibold">Welcome to Fleetdeck</h1>
      <SetupWizard initialStep={fresh ? "admin" : "local"} />
    </main>
  );
}
