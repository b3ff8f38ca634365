import { notFound } from "next/navigation";
import { requirePageSubject } from "@/lib/auth/page-subject";
import { getVisibleEndpoint } from "@/lib/endpoints/registry";
import { toEndpointView } from "@/lib/endpoints/view";
import { HttpError } from "@/lib/http/errors";
import { EndpointDetails } from "@/components/endpoints/endpoint-details";
import type { Mode } from "@/components/endpoints/connection-fields";

export const dynamic = "force-dynamic";

export default async function EndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const subject = await requirePageSubject();
  const { id } = await params;
  const endpoint = await getVisibleEndpoint(subject, id).catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  });
  const view = toEndpointView(endpoint);
  return <EndpointDetails endpoint={{ ...view, mode: view.authKind as Mode }} canManage={subject.isAdmin} />;
}
