// The check before sending: every document of an apply is compared with the cluster's OpenAPI v3
// schema for its kind, and all problems of all documents come back at once, each with its line,
// as a 422 — nothing is sent to the API server while one remains.
import type { Endpoint } from "../db/client";
import { HttpError } from "../errors";
import type { ApplyDocument } from "./apply";
import { openApiDocument } from "./openapi-schemas";
import { checkAgainstSchema } from "./schema-check";

export interface ApplyProblem {
  /** "Deployment shop/web" */
  object: string;
  path: string;
  line: number | undefined;
  message: string;
}

const MAX_PROBLEMS = 50;

export async function checkDocuments(endpoint: Endpoint, docs: ApplyDocument[]): Promise<void> {
  const problems: ApplyProblem[] = [];
  for (const doc of docs) {
    const schemas = await openApiDocument(endpoint, doc.kind.group, doc.kind.version);
    if (!schemas) continue;
    const object = `${doc.kind.kind} ${doc.namespace ? `${doc.namespace}/` : ""}${doc.name}`;
    const gvk = { group: doc.kind.group, version: doc.kind.version, kind: doc.kind.kind };
    const found = checkAgainstSchema(schemas, gvk, doc.object).map((problem) => ({
      object,
      path: problem.path,
      line: doc.lineOf(problem.segments),
      message: problem.message,
    }));
    problems.push(...found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }
  if (!problems.length) return;
  const shown = problems.slice(0, MAX_PROBLEMS);
  const lines = shown.map(
    (p) => `${p.line ? `line ${p.line}: ` : ""}${p.object}: ${p.path || "(object)"}: ${p.message}`,
  );
  if (problems.length > shown.length) lines.push(`… and ${problems.length - shown.length} more`);
  throw new HttpError(422, `Not sent: the YAML does not match the cluster's schema\n${lines.join("\n")}`, {
    problems: shown,
  });
}
