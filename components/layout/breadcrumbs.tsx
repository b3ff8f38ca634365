"use client";

// Where this page is: Fleet › endpoint › section › object, each step a link.
import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { usePathname } from "next/navigation";
import { breadcrumbTrail } from "@/lib/client/breadcrumb-trail";
import { useEndpoints } from "@/lib/client/endpoints-context";

export function Breadcrumbs() {
  const path = usePathname();
  const { endpoints } = useEndpoints();
  const trail = breadcrumbTrail(path, endpoints);
  if (trail.length < 2) return null;
  return (
    <nav aria-label="Breadcrumb" className="mb-4 min-w-0 text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-muted">
        {trail.map((crumb, i) => (
          <li key={crumb.href} className="flex min-w-0 items-center gap-1">
            {i > 0 ? <ChevronRight aria-hidden className="size-3.5 shrink-0" /> : null}
            {i === trail.length - 1 ? (
              <span aria-current="page" className="truncate text-ink">
                {crumb.label}
              </span>
            ) : (
              <Link href={crumb.href} className="truncate hover:text-ink">
                {crumb.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
