import { Suspense } from "react";
import { requirePageSubject } from "@/lib/auth/page-subject";
import { listVisibleEndpoints } from "@/lib/endpoints/registry";
import { LogsExplorer } from "@/components/logs/logs-explorer";

export const dynamic = "force-dynamic";

export default async function LogsPage() {
  const subject = await requirePageSubject();
  const endpoints = await listVisibleEndpoints(subject);
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Logs</h1>
      <Suspense>
        <LogsExplorer endpoints={endpoints} />
      </Suspense>
    </div>
  );
}
