// The REST API's OpenAPI 3.1 document, built from the route handlers themselves: every
// app/api/**/route.ts is loaded and each method's description (kept on the handler by the route
// wrappers: its zod schemas for path, query and body, and the permission it needs) becomes an
// operation. JSON Schema from zod's own converter (OpenAPI 3.1 schemas are JSON Schema 2020-12).
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z, type ZodType } from "zod";
import type { RouteDescription } from "../http/route";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Json = Record<string, unknown>;

/** Route files under app/api, as [URL path, file]. */
export function routeFiles(root: string): [string, string][] {
  const found: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const url = path
          .relative(path.join(root, "app"), path.dirname(full))
          .split(path.sep)
          .map((part) => part.replace(/^\[(\w+)\]$/, "{$1}"))
          .join("/");
        found.push([`/${url}`, full]);
      }
    }
  };
  walk(path.join(root, "app", "api"));
  return found.sort(([a], [b]) => a.localeCompare(b));
}

function schemaOf(schema: ZodType): Json {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Json;
  delete json.$schema; // the document says which dialect once
  return json;
}

function parameters(where: "path" | "query", schema: ZodType | undefined, pathNames: string[]): Json[] {
  const names = new Set(where === "path" ? pathNames : []);
  const json = schema ? schemaOf(schema) : {};
  const properties = collectProperties(json);
  for (const name of Object.keys(properties)) names.add(name);
  const required = new Set(collectRequired(json));
  return [...names].sort().map((name) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    schema: properties[name] ?? { type: "string" },
  }));
}

// Objects joined with .and() become allOf: their properties are gathered from every part.
function collectProperties(json: Json): Record<string, Json> {
  const own = (json.properties ?? {}) as Record<string, Json>;
  const parts = ((json.allOf ?? []) as Json[]).map(collectProperties);
  return Object.assign({}, ...parts, own);
}
function collectRequired(json: Json): string[] {
  return [...((json.required ?? []) as string[]), ...((json.allOf ?? []) as Json[]).flatMap(collectRequired)];
}

const ERROR = { $ref: "#/components/schemas/Error" };
const errors = (codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [
      String(code),
      { description: ERROR_WORDS[code], content: { "application/json": { schema: ERROR } } },
    ]),
  );
const ERROR_WORDS: Record<number, string> = {
  400: "The input was refused; the message says which part and why.",
  401: "Not signed in (no session, or the token is unknown, revoked or expired).",
  403: "Signed in, but the role does not allow this.",
  404: "No such thing — or not one you may see.",
};

function operation(method: string, url: string, d: RouteDescription): Json {
  const pathNames = [...url.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const op: Json = {
    operationId: `${method.toLowerCase()}${url.replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    tags: [url.split("/")[2] ?? "api"],
    parameters: [...parameters("path", d.params, pathNames), ...parameters("query", d.query, [])],
    responses: {
      "200": {
        description: "Done; the answer as JSON (201 when something was created, 204 when there is nothing to say).",
      },
      ...errors(d.access === "public" ? [400, 404] : [400, 401, 403, 404]),
    },
  };
  if (d.body) op.requestBody = { required: true, content: { "application/json": { schema: schemaOf(d.body) } } };
  if (d.access === "public") op.security = [];
  if (d.action) op["x-fleetdeck-permission"] = d.action;
  return op;
}

export async function buildOpenApiDocument(root: string): Promise<Json> {
  const paths: Record<string, Json> = {};
  for (const [url, file] of routeFiles(root)) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, { description?: RouteDescription }>;
    for (const method of METHODS) {
      const description = mod[method]?.description;
      if (!description) continue;
      (paths[url] ??= {})[method.toLowerCase()] = operation(method, url, description);
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Fleetdeck API",
      version: "1",
      description:
        "Every call is checked against the caller's role on the endpoint and written to the audit log. Authenticate with the browser's session cookie or `Authorization: Bearer <API token>` (made on your account page; a token never exceeds its ceiling or its user).",
    },
    servers: [{ url: "/" }],
    security: [{ apiToken: [] }, { session: [] }],
    components: {
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", description: "An API token from your account page." },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: { error: { type: "string", description: "What went wrong, in plain words." } },
        },
      },
    },
    paths,
  };
}
