// What a grant form offers: every endpoint and every tag in use.
import { db } from "../db/client";

export async function grantChoices() {
  const endpoints = await db().endpoint.findMany({
    select: { id: true, name: true, kind: true, tags: true },
    orderBy: { name: "asc" },
  });
  return {
    endpoints: endpoints.map(({ id, name, kind }) => ({ id, name, kind })),
    tags: [...new Set(endpoints.flatMap((e) => e.tags))].sort(),
  };
}
