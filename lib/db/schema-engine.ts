// Prisma's schema engine compiled to WebAssembly, loaded by hand so that no engine binary is
// downloaded (the Prisma CLI would fetch one from the internet). Used only to *generate* migration
// SQL (diff of two schemas); applying migrations is lib/db/migrate.ts.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);
type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

async function loadBindings(): Promise<Bindings> {
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bg: Bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
  const module = await WebAssembly.compile(new Uint8Array(bytes));
  const instance = await WebAssembly.instantiate(module, {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

// The engine needs a live connection even to diff two schema files (it asks the server's version).
async function openEngine(databaseUrl: string, schemaPath: string, schemaText: string): Promise<SchemaEngine> {
  const bg = await loadBindings();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  return bg.SchemaEngine.new({ datamodels: [[schemaPath, schemaText]] }, () => {}, adapter);
}

/** SQL that turns a database matching `from` (or an empty one) into one matching `to`. */
export async function diffSchemas(options: {
  databaseUrl: string;
  from: { path: string; text: string } | "empty";
  to: { path: string; text: string };
}): Promise<string> {
  const engine = await openEngine(options.databaseUrl, options.to.path, options.to.text);
  const side = (s: { path: string; text: string }) => ({
    tag: "schemaDatamodel" as const,
    files: [{ path: s.path, content: s.text }],
  });
  const result = await engine.diff({
    from: options.from === "empty" ? { tag: "empty" } : side(options.from),
    to: side(options.to),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.stdout ?? "";
}
