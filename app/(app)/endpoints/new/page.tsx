import { redirect } from "next/navigation";
import { requirePageSubject } from "@/lib/auth/page-subject";
import { can } from "@/lib/rbac/can";
import { EndpointForm } from "@/components/endpoints/endpoint-form";
import { MODES, type Mode } from "@/components/endpoints/connection-fields";

export const dynamic = "force-dynamic";

export default async function NewEndpointPage({ searchParams }: { searchParams: Promise<{ mode?: string }> }) {
  const subject = await requirePageSubject();
  if (!can({ role: null, isAdmin: subject.isAdmin }, "endpoint.create")) redirect("/");
  // ?mode=tls (from the fleet's first steps) picks the connection type.
  const { mode } = await searchParams;
  const initialMode = MODES.find((m) => m.value === mode)?.value as Mode | undefined;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Add endpoint</h1>
      <EndpointForm initialMode={initialMode} />
    </div>
  );
}
