// Prisma 7 reads the database URL from here (only the CLI uses it; the app passes it to PrismaPg).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/fleetdeck" },
});
