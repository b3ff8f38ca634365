"use client";

// The tabs of a Docker endpoint, one per section in lib/docker/kinds/registry.ts.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { DOCKER_SECTIONS } from "@/lib/docker/kinds/registry";

export function DockerTabs({ endpointId }: { endpointId: string }) {
  const path = usePathname();
  const base = `/endpoints/${endpointId}`;
  return (
    <nav className="flex gap-1 border-b border-line" aria-label="Endpoint sections">
      {DOCKER_SECTIONS.map((section) => {
        const href = section.path ? `${base}/${section.path}` : base;
        const active = section.path ? path.startsWith(href) : path === base;
        return (
          <Link
            key={section.title}
            href={href}
            className={`-mb-px border-b-2 px-3 py-2 ${active ? "border-accent font-medium" : "border-transparent text-muted hover:text-ink"}`}
          >
            {section.title}
          </Link>
        );
      })}
    </nav>
  );
}
