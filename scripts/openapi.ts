// `npm run openapi`: writes lib/openapi/openapi.json from the route handlers (see
// lib/openapi/build-document.ts). A unit test fails when the committed file is out of date.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildOpenApiDocument } from "../lib/openapi/build-document";

const root = path.resolve(import.meta.dirname, "..");
const document = await buildOpenApiDocument(root);
writeFileSync(path.join(root, "lib/openapi/openapi.json"), `${JSON.stringify(document, null, 2)}\n`);
console.log(`wrote lib/openapi/openapi.json: ${Object.keys(document.paths as object).length} paths`);
process.exit(0);
