import Link from "next/link";
import { requirePageSubject } from "@/lib/auth/page-subject";
import { listVisibleEndpoints } from "@/lib/endpoints/registry";
import { can } from "@/lib/rbac/can";
import { EndpointTable } from "@/components/endpoints/endpoint-table";

export const dynamic = "force-dynamic";

export default async function EndpointsPage() {
  const subject = await requirePageSubject();
  const endpoints = await listVisibleEndpoints(subject);
  return (
    <div className="space-y-4">
      <div className="flex items-center">
        <h1 className="text-xl font-semibold">Endpoints</h1>
        {can({ role: null, isAdmin: subject.isAdmin }, "endpoint.create") ? (
          <Link href="/endpoints/new" className="ml-auto rounded-md bg-accent px-3 py-1.5 font-medium text-white">
            Add endpoint
          </Link>
        ) : null}
      </div>
      <EndpointTable initial={endpoints} />
    </div>
  );
}
