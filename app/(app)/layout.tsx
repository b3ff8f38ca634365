import Link from "next/link";
import type { ReactNode } from "react";
import { auditScopeOf } from "@/lib/audit/audit-access";
import { requirePageSubject } from "@/lib/auth/page-subject";
import { listVisibleEndpoints } from "@/lib/endpoints/registry";
import { EndpointsProvider } from "@/lib/client/endpoints-context";
import { AppShell } from "@/components/layout/app-shell";
import { SessionEndedRedirect } from "@/components/layout/session-ended-redirect";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { KeyboardShortcuts } from "@/components/layout/keyboard-shortcuts";
import { CommandPalette } from "@/components/palette/command-palette";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const subject = await requirePageSubject();
  const endpoints = await listVisibleEndpoints(subject);
  // The header's tools, right-aligned: global helpers (such as a command palette) go first.
  const tools = (
    <>
      <CommandPalette />
      <Link
        href="/account"
        className="hidden truncate text-muted hover:text-ink hover:underline sm:inline"
        data-testid="current-user"
        title="Your account: password, sessions, API tokens"
      >
        {subject.email}
        {subject.isAdmin ? " · admin" : ""}
      </Link>
      <ThemeToggle />
      <SignOutButton />
    </>
  );
  return (
    <EndpointsProvider initial={endpoints}>
      <AppShell
        tools={tools}
        admin={subject.isAdmin}
        mayReadAudit={
          auditScopeOf(
            subject,
            endpoints.map((e) => e.id),
          ) !== null
        }
      >
        {children}
      </AppShell>
      <KeyboardShortcuts />
      <SessionEndedRedirect />
    </EndpointsProvider>
  );
}
