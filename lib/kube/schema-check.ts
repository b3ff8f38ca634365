// Checks objects against the cluster's own OpenAPI v3 schema before they are sent, so a typo'd
// field or a wrong type is shown with its line at once instead of as the API server's refusal of
// a half-applied batch. Kubernetes' schemas allow unknown fields; here an object schema with
// properties refuses others (as `kubectl --validate=strict` does) unless it preserves unknown fields.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { OpenApiDocument } from "./openapi-schemas";

export interface SchemaProblem {
  /** Where in the object, as people write it: spec.template.spec.containers[0].image */
  path: string;
  message: string;
}

type Schema = Record<string, unknown>;

/** A copy of the schemas where objects with known properties refuse unknown ones. */
function strictSchemas(schemas: Record<string, Schema>): Record<string, Schema> {
  const strict = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strict);
    if (!node || typeof node !== "object") return node;
    const copy: Schema = {};
    for (const [key, value] of Object.entries(node)) copy[key] = key === "enum" ? value : strict(value);
    if (copy.properties && copy.additionalProperties === undefined && !copy["x-kubernetes-preserve-unknown-fields"])
      copy.additionalProperties = false;
    return copy;
  };
  return strict(schemas) as Record<string, Schema>;
}

const compiled = new WeakMap<OpenApiDocument, { ajv: Ajv; byKind: Map<string, ValidateFunction | null> }>();

function validatorFor(doc: OpenApiDocument, group: string, version: string, kind: string): ValidateFunction | null {
  let entry = compiled.get(doc);
  if (!entry) {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, discriminator: false });
    ajv.addSchema({ components: { schemas: strictSchemas(doc.components.schemas) } }, "k8s");
    entry = { ajv, byKind: new Map() };
    compiled.set(doc, entry);
  }
  const key = `${group}/${version}/${kind}`;
  if (!entry.byKind.has(key)) {
    const name = Object.entries(doc.components.schemas).find(([, schema]) =>
      ((schema["x-kubernetes-group-version-kind"] ?? []) as { group: string; version: string; kind: string }[]).some(
        (gvk) => gvk.group === group && gvk.version === version && gvk.kind === kind,
      ),
    )?.[0];
    entry.byKind.set(key, name ? entry.ajv.compile({ $ref: `k8s#/components/schemas/${name}` }) : null);
  }
  return entry.byKind.get(key)!;
}

/** The API server reads an explicit null as "not set"; the schemas do not say so. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

const pathOf = (segments: string[]) =>
  segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path ? `${path}.${s}` : s), "");

const segmentsOf = (pointer: string) =>
  pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));

/** One problem per place: the errors of a oneOf's branches become "must be an integer or a string". */
function problemsOf(errors: ErrorObject[]): (SchemaProblem & { segments: string[] })[] {
  const byPlace = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const segments = segmentsOf(error.instancePath);
    if (error.keyword === "additionalProperties")
      segments.push(String((error.params as { additionalProperty: string }).additionalProperty));
    if (error.keyword === "required")
      segments.push(String((error.params as { missingProperty: string }).missingProperty));
    const key = segments.join("/");
    byPlace.set(key, [...(byPlace.get(key) ?? []), error]);
  }
  return [...byPlace.entries()].map(([key, errs]) => {
    const segments = key ? key.split("/") : [];
    const first = errs.find((e) => e.keyword !== "oneOf" && e.keyword !== "anyOf") ?? errs[0]!;
    const types = errs.filter((e) => e.keyword === "type").map((e) => (e.params as { type: string }).type);
    const message =
      first.keyword === "additionalProperties"
        ? "unknown field"
        : first.keyword === "required"
          ? "required field missing"
          : first.keyword === "enum"
            ? `must be one of ${((first.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(", ")}`
            : types.length > 1
              ? `must be ${types.map((t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`)).join(" or ")}`
              : first.keyword === "type"
                ? `must be ${/^[aeiou]/.test(types[0]!) ? "an" : "a"} ${types[0]}`
                : (first.message ?? "does not match the schema");
    return { path: pathOf(segments), segments, message };
  });
}

/**
 * The problems of `object` under its kind's schema in `doc` (empty when the document has no schema
 * for the kind, as for a CRD without one: the API server's own validation still applies).
 */
export function checkAgainstSchema(
  doc: OpenApiDocument,
  gvk: { group: string; version: string; kind: string },
  object: unknown,
): (SchemaProblem & { segments: string[] })[] {
  const validate = validatorFor(doc, gvk.group, gvk.version, gvk.kind);
  if (!validate || validate(withoutNulls(object))) return [];
  return problemsOf(validate.errors ?? []);
}
