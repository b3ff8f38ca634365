// The app's route patterns (/api/endpoints/[id]/containers, /endpoints/[id]/kube/[resource]…), read
// from the route and page files under app/, and the pattern a request path falls under — a label
// with bounded values for metrics and access logs, where a raw path would carry ids (and an
// invitation's token).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** How specific a segment is, as Next ranks them: static, [param], [...all], [[...optional]]. */
type Segment = { kind: "static"; text: string } | { kind: "param" } | { kind: "rest"; optional: boolean };

interface Pattern {
  pattern: string;
  segments: Segment[];
}

const RANK = { static: 3, param: 2, rest: 1 } as const;

function parseSegment(part: string): Segment {
  if (/^\[\[\.\.\.[^\]]+\]\]$/.test(part)) return { kind: "rest", optional: true };
  if (/^\[\.\.\.[^\]]+\]$/.test(part)) return { kind: "rest", optional: false };
  if (/^\[[^\]]+\]$/.test(part)) return { kind: "param" };
  return { kind: "static", text: part };
}

function rankOf(segment: Segment): number {
  return segment.kind === "rest" && segment.optional ? 0 : RANK[segment.kind];
}

/** More specific first, so the first match is the one Next would serve. */
function bySpecificity(a: Pattern, b: Pattern): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const ra = a.segments[i] ? rankOf(a.segments[i]!) : -1;
    const rb = b.segments[i] ? rankOf(b.segments[i]!) : -1;
    if (ra !== rb) return rb - ra;
  }
  return a.pattern.localeCompare(b.pattern);
}

export function compilePatterns(patterns: string[]): Pattern[] {
  return [...new Set(patterns)]
    .map((pattern) => ({ pattern, segments: pattern.split("/").filter(Boolean).map(parseSegment) }))
    .sort(bySpecificity);
}

/**
 * Route patterns from app/: folders holding a route.ts or page.tsx; groups "(x)" and slots "@x" left
 * out. An install without the sources (an image holding the build only) reads the build's manifest.
 */
export function readAppPatterns(root: string): string[] {
  if (!existsSync(path.join(root, "app"))) {
    const manifest = path.join(root, ".next", "app-path-routes-manifest.json");
    if (!existsSync(manifest)) return [];
    return Object.values(JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>);
  }
  const found: string[] = [];
  const walk = (dir: string, url: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const name = entry.name;
        const skip = /^\(.*\)$/.test(name) || name.startsWith("@") || name.startsWith("_");
        walk(path.join(dir, name), skip ? url : [...url, name]);
      } else if (/^(route|page)\.(ts|tsx|js|jsx)$/.test(entry.name)) found.push(`/${url.join("/")}`);
    }
  };
  walk(path.join(root, "app"), []);
  return found;
}

function matches(segments: Segment[], parts: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind === "rest") return segment.optional || parts.length > i;
    const part = parts[i];
    if (part === undefined) return false;
    if (segment.kind === "static" && segment.text !== part) return false;
  }
  return parts.length === segments.length;
}

/** The pattern serving `pathname` (no query), Next's own assets as "/_next", else null. */
export function routeOf(patterns: Pattern[], pathname: string): string | null {
  if (pathname.startsWith("/_next/")) return "/_next";
  const parts = pathname.split("/").filter(Boolean);
  return patterns.find((p) => matches(p.segments, parts))?.pattern ?? null;
}
