import Link from "next/link";
import type { ReactNode } from "react";
import { requirePageSubject } from "@/lib/auth/page-subject";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { KeyboardShortcuts } from "@/components/layout/keyboard-shortcuts";
import { CommandPalette } from "@/components/palette/command-palette";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const subject = await requirePageSubject();
  return (
    <div className="min-h-screen">
      <header className="flex items-center gap-6 border-b border-line bg-panel px-5 py-2.5">
        <Link href="/endpoints" className="text-base font-semibold">
          Fleetdeck
        </Link>
        <nav className="flex gap-4 text-muted">
          <Link href="/endpoints" className="hover:text-ink">
            Endpoints
          </Link>
          <Link href="/logs" className="hover:text-ink">
            Logs
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <span className="text-muted" data-testid="current-user">
            {subject.email}
            {subject.isAdmin ? " · admin" : ""}
          </span>
          <ThemeToggle />
          <SignOutButton />
        </div>
      </header>
      <main className="mx-auto max-w-6xl p-5">{children}</main>
      <KeyboardShortcuts />
      <CommandPalette />
    </div>
  );
}
