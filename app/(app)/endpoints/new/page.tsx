import { redirect } from "next/navigation";
import { requirePageSubject } from "@/lib/auth/page-subject";
import { EndpointForm } from "@/components/endpoints/endpoint-form";

export const dynamic = "force-dynamic";

export default async function NewEndpointPage() {
  const subject = await requirePageSubject();
  if (!subject.isAdmin) redirect("/endpoints");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Add endpoint</h1>
      <EndpointForm />
    </div>
  );
}
