"use client";

// The frame of every signed-in page: a header (menu button, name, the tools passed in), a sidebar
// (fleet links, the current endpoint's sections, every endpoint) and the page under breadcrumbs.
// On small screens the sidebar is a drawer behind the menu button; on large ones it can be
// collapsed, and stays so (localStorage).
import Link from "next/link";
import { BookOpen, LayoutGrid, List, Menu, ScrollText, ShieldCheck, UserCog, Users, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useState, useSyncExternalStore, type ReactNode } from "react";
import { useEndpoints } from "@/lib/client/endpoints-context";
import { Breadcrumbs } from "./breadcrumbs";
import { SECTIONS_SLOT_ID } from "./endpoint-sections";
import { SidebarEndpoints } from "./sidebar-endpoints";

const COLLAPSED_KEY = "sidebar-collapsed";
const collapsedListeners = new Set<() => void>();
const subscribeCollapsed = (listener: () => void) => (
  collapsedListeners.add(listener),
  () => collapsedListeners.delete(listener)
);
function setCollapsed(value: boolean) {
  localStorage.setItem(COLLAPSED_KEY, value ? "1" : "");
  collapsedListeners.forEach((l) => l());
}

const LINKS = [
  { href: "/", label: "Fleet", Icon: LayoutGrid },
  { href: "/endpoints", label: "Endpoints", Icon: List },
  { href: "/logs", label: "Logs", Icon: ScrollText },
  { href: "/api-docs", label: "API", Icon: BookOpen },
];
// Offered to those who may read some of it (administrators; endpoint administrators).
const AUDIT_LINK = { href: "/audit", label: "Audit log", Icon: ShieldCheck };

/** For global administrators only (the pages refuse anyone else). */
const ADMIN_LINKS = [
  { href: "/admin/users", label: "People", Icon: UserCog },
  { href: "/admin/teams", label: "Teams", Icon: Users },
];

export function AppShell({
  tools,
  admin = false,
  mayReadAudit = false,
  children,
}: {
  tools: ReactNode;
  admin?: boolean;
  mayReadAudit?: boolean;
  children: ReactNode;
}) {
  const links = [...LINKS, ...(mayReadAudit ? [AUDIT_LINK] : []), ...(admin ? ADMIN_LINKS : [])];
  const path = usePathname();
  const { endpoints } = useEndpoints();
  const [drawer, setDrawer] = useState(false);
  const collapsed = useSyncExternalStore(
    subscribeCollapsed,
    () => localStorage.getItem(COLLAPSED_KEY) === "1",
    () => false,
  );
  const currentId = /^\/endpoints\/([^/]+)/.exec(path)?.[1] ?? null;
  const toggle = () => {
    if (window.matchMedia("(min-width: 1024px)").matches) setCollapsed(!collapsed);
    else setDrawer((open) => !open);
  };
  const close = () => setDrawer(false);

  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-30 flex h-12 items-center gap-3 border-b border-line bg-panel px-3">
        <button
          type="button"
          onClick={toggle}
          aria-label={drawer ? "Close menu" : "Menu"}
          aria-expanded={drawer || undefined}
          aria-controls="sidebar"
          className="rounded p-1.5 text-muted hover:bg-canvas hover:text-ink"
        >
          {drawer ? <X aria-hidden className="size-5" /> : <Menu aria-hidden className="size-5" />}
        </button>
        <Link href="/" className="text-base font-semibold">
          Fleetdeck
        </Link>
        <div className="ml-auto flex min-w-0 items-center gap-2">{tools}</div>
      </header>
      <div className="flex">
        {drawer ? <div className="fixed inset-0 z-30 bg-black/40 lg:hidden" onClick={close} aria-hidden /> : null}
        <aside
          id="sidebar"
          aria-label="Sidebar"
          className={`${drawer ? "fixed inset-y-0 left-0 z-40 flex pt-3" : "hidden"} ${collapsed ? "lg:hidden" : "lg:sticky lg:top-12 lg:z-auto lg:flex lg:h-[calc(100vh-3rem)]"} w-64 shrink-0 flex-col gap-4 overflow-y-auto border-r border-line bg-panel p-3`}
          onClick={(e) => {
            if ((e.target as HTMLElement).closest("a")) close();
          }}
        >
          <nav aria-label="Main" className="space-y-0.5 text-sm">
            {links.map(({ href, label, Icon }) => {
              const active = href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
              return (
                <Link
                  key={href}
                  href={href}
                  aria-current={active ? "page" : undefined}
                  className={`flex items-center gap-2 rounded px-2 py-1 ${active ? "bg-accent/15 font-medium" : "text-muted hover:text-ink"}`}
                >
                  <Icon aria-hidden className="size-4" />
                  {label}
                </Link>
              );
            })}
          </nav>
          <div id={SECTIONS_SLOT_ID} className="empty:hidden" />
          <SidebarEndpoints endpoints={endpoints} currentId={currentId} />
        </aside>
        <main className="min-w-0 flex-1 p-4 lg:p-5">
          <div className="mx-auto max-w-6xl">
            <Breadcrumbs />
            {children}
          </div>
        </main>
      </div>
    </div>
  );
}
