"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  ["", "Overview"],
  ["/containers", "Containers"],
  ["/stacks", "Stacks"],
  ["/images", "Images"],
  ["/volumes", "Volumes"],
  ["/networks", "Networks"],
] as const;

export function DockerTabs({ endpointId }: { endpointId: string }) {
  const path = usePathname();
  const base = `/endpoints/${endpointId}`;
  return (
    <nav className="flex gap-1 border-b border-line" aria-label="Endpoint sections">
      {TABS.map(([suffix, label]) => {
        const href = base + suffix;
        const active = suffix === "" ? path === base : path.startsWith(href);
        return (
          <Link
            key={label}
            href={href}
            className={`-mb-px border-b-2 px-3 py-2 ${active ? "border-accent font-medium" : "border-transparent text-muted hover:text-ink"}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
