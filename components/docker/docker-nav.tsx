"use client";

// The sections of a Docker endpoint in the sidebar, one per entry of DOCKER_SECTIONS
// (lib/docker/kinds/registry.ts).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { DOCKER_SECTIONS } from "@/lib/docker/kinds/registry";

export function DockerNav({ endpointId }: { endpointId: string }) {
  const path = usePathname();
  const base = `/endpoints/${endpointId}`;
  return (
    <nav className="space-y-0.5 text-sm" aria-label="Endpoint sections">
      {DOCKER_SECTIONS.map((section) => {
        const href = section.path ? `${base}/${section.path}` : base;
        const active = section.path ? path.startsWith(href) : path === base;
        return (
          <Link
            key={section.title}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`block rounded px-2 py-1 ${active ? "bg-accent/15 font-medium text-ink" : "text-muted hover:text-ink"}`}
          >
            {section.title}
          </Link>
        );
      })}
    </nav>
  );
}
