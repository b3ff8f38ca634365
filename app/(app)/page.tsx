import { Suspense } from "react";
import { requirePageSubject } from "@/lib/auth/page-subject";
import { can } from "@/lib/rbac/can";
import { FleetHome } from "@/components/fleet/fleet-home";

export const dynamic = "force-dynamic";

export default async function FleetPage() {
  const subject = await requirePageSubject();
  return (
    <Suspense>
      <FleetHome canAddEndpoint={can({ role: null, isAdmin: subject.isAdmin }, "endpoint.create")} />
    </Suspense>
  );
}
