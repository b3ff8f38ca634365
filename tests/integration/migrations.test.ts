// The committed migrations, applied to an empty database, give exactly the schema in
// prisma/schema.prisma (as Prisma's own schema engine would create it).
import { readFileSync } from "node:fs";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { diffSchemas } from "@/lib/db/schema-engine";

async function withDatabase<T>(name: string, run: (url: string) => Promise<T>): Promise<T> {
  const base = new URL(inject("databaseUrl"));
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name}"`);
  await admin.query(`create database "${name}"`);
  base.pathname = `/${name}`;
  try {
    return await run(base.toString());
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function catalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `select table_name, column_name, data_type, udt_name, is_nullable, column_default from information_schema.columns
       where table_schema = 'public' and table_name <> '_prisma_migrations' order by 1, 2`,
    );
    const indexes = await client.query(
      `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename <> '_prisma_migrations' order by 1`,
    );
    const constraints = await client.query(
      `select conname, pg_get_constraintdef(oid) as def from pg_constraint where connamespace = 'public'::regnamespace and conname not like '_prisma_migrations%' order by 1`,
    );
    const enums = await client.query(
      `select t.typname, e.enumlabel from pg_type t join pg_enum e on e.enumtypid = t.oid order by 1, e.enumsortorder`,
    );
    return [...columns.rows, ...indexes.rows, ...constraints.rows, ...enums.rows].map((r) => JSON.stringify(r));
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("match the Prisma schema exactly, and re-applying is a no-op", async () => {
    const text = readFileSync("prisma/schema.prisma", "utf8");
    const fromMigrations = await withDatabase("mig_a", async (url) => {
      expect((await applyMigrations(url)).length).toBeGreaterThan(0);
      expect(await applyMigrations(url)).toEqual([]);
      return catalog(url);
    });
    const fromSchema = await withDatabase("mig_b", async (url) => {
      const sql = await diffSchemas({ databaseUrl: url, from: "empty", to: { path: "prisma/schema.prisma", text } });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(sql);
      await client.end();
      return catalog(url);
    });
    expect(fromMigrations.filter((r) => !fromSchema.includes(r))).toEqual([]);
    expect(fromSchema.filter((r) => !fromMigrations.includes(r))).toEqual([]);
    expect(fromMigrations.some((r) => r.includes('"Endpoint"'))).toBe(true);
  });
});
