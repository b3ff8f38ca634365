import document from "@/lib/openapi/openapi.json";
import { requirePageSubject } from "@/lib/auth/page-subject";
import { ApiOperation, type Operation } from "@/components/api-docs/api-operation";

export const dynamic = "force-dynamic";

export default async function ApiDocsPage() {
  await requirePageSubject();
  const paths = Object.entries(document.paths as Record<string, Record<string, Operation>>);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">REST API</h1>
      <p className="text-muted">
        {document.info.description} The machine-readable description is at{" "}
        <a href="/api/openapi.json" className="text-accent hover:underline">
          /api/openapi.json
        </a>{" "}
        (OpenAPI 3.1).
      </p>
      <div className="space-y-2">
        {paths.flatMap(([url, methods]) =>
          Object.entries(methods).map(([method, op]) => (
            <ApiOperation key={`${method} ${url}`} method={method} url={url} operation={op} />
          )),
        )}
      </div>
    </div>
  );
}
