// Direct database access for tests that need users, teams and grants the admin screens do not yet create.
import { inject } from "vitest";
import { hashPassword } from "../../lib/auth/password";
import type { EndpointRole } from "../../lib/rbac/actions";

export async function testDb() {
  process.env.DATABASE_URL = inject("databaseUrl");
  const { db } = await import("../../lib/db/client");
  return db();
}

let counter = 0;

export async function createUser(options: { isAdmin?: boolean; password?: string } = {}) {
  const prisma = await testDb();
  const password = options.password ?? "a long enough password";
  const email = `user${Date.now()}-${counter++}@example.test`;
  const user = await prisma.user.create({
    data: { email, name: email, isAdmin: options.isAdmin ?? false, passwordHash: await hashPassword(password) },
  });
  return { ...user, password };
}

export async function grant(options: {
  userId?: string;
  teamId?: string;
  endpointId: string | null;
  role: EndpointRole;
  namespaces?: string[];
}) {
  const prisma = await testDb();
  return prisma.accessGrant.create({
    data: {
      userId: options.userId,
      teamId: options.teamId,
      endpointId: options.endpointId,
      role: options.role,
      namespaces: options.namespaces ?? [],
    },
  });
}
