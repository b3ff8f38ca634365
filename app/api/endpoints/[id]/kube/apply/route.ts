import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { describeUpstreamError, UpstreamError } from "@/lib/endpoints/upstream-error";
import { endpointRoute } from "@/lib/http/endpoint-route";
import { applyDocument, parseManifests, resolveManifests, type ApplyResult } from "@/lib/kube/apply";
import { checkDocuments } from "@/lib/kube/apply-check";
import { customKinds } from "@/lib/kube/discovery";
import { BUILT_IN_KINDS } from "@/lib/kube/kinds/catalog";
import { resourceId } from "@/lib/kube/kinds/kind";
import { kubeApi } from "@/lib/kube/kube-api";

export const dynamic = "force-dynamic";

const MAX_YAML_BYTES = 1024 * 1024;
const body = z.object({
  yaml: z.string().refine((s) => Buffer.byteLength(s) <= MAX_YAML_BYTES, "YAML larger than 1 MB"),
  dryRun: z.boolean().optional(),
  force: z.boolean().optional(),
});

// POST …/kube/apply {yaml, dryRun?, force?}: server-side apply of one or more YAML documents.
// Every document is authorized (resource.write in its namespace; cluster-scoped kinds need an
// unlimited grant) and checked against the cluster's OpenAPI v3 schema (422 with every problem and
// its line) before any is sent; each applied one is audited with its YAML before and after.
export const POST = endpointRoute(
  { kind: "KUBERNETES", action: "resource.write", body, namespace: () => "any" },
  async ({ endpoint, body, require, subject, address }) => {
    const docs = resolveManifests(parseManifests(body.yaml), [...BUILT_IN_KINDS, ...(await customKinds(endpoint))]);
    for (const doc of docs) await require("resource.write", { endpointId: endpoint.id, namespace: doc.namespace });
    await checkDocuments(endpoint, docs);
    const api = kubeApi(endpoint, { actingAs: subject });
    const results: ApplyResult[] = [];
    for (const doc of docs) {
      const label = `${doc.kind.kind} ${doc.namespace ? `${doc.namespace}/` : ""}${doc.name}`;
      const audit = (outcome: "SUCCESS" | "FAILURE", detail: Record<string, unknown>) =>
        body.dryRun
          ? Promise.resolve()
          : recordAudit({
              actor: subject,
              action: "kube.apply",
              endpointId: endpoint.id,
              target: `${resourceId(doc.kind)}/${doc.namespace ? `${doc.namespace}/` : ""}${doc.name}`,
              outcome,
              address,
              detail: { force: Boolean(body.force), ...detail },
            });
      try {
        const result = await applyDocument(api, doc, body);
        await audit("SUCCESS", { before: result.before, after: result.after });
        results.push(result);
      } catch (error) {
        const upstream = describeUpstreamError(error, endpoint.name);
        await audit("FAILURE", { error: upstream.message });
        // Which document failed, then the API server's own words (conflicting fields and managers).
        throw new UpstreamError(upstream.code, `${label}: ${upstream.message}`, upstream.status);
      }
    }
    return { dryRun: Boolean(body.dryRun), results };
  },
);
