// The pages reached before signing in (sign-in, accepting an invitation): one narrow column under a title.
import type { ReactNode } from "react";

export function EntryPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="mx-auto mt-24 max-w-sm space-y-6 px-4">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children}
    </main>
  );
}
