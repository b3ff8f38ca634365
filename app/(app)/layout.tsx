import type { ReactNode } from "react";
import { auditScopeOf } from "@/lib/audit/audit-access";
import { requirePageSubject } from "@/lib/auth/page-subject";
import { listVisibleEndpoints } from "@/lib/endpoints/registry";
import { EndpointsProvider } from "@/lib/client/endpoints-context";
import { AppShell } from "@/components/layout/app-shell";
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
      <span className="hidden truncate text-muted sm:inline" data-testid="current-user">
        {subject.email}
        {subject.isAdmin ? " · admin" : ""}
      </span>
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
    </EndpointsProvider>
  );
}
