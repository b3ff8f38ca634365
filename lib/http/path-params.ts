// A last line of defence for every route: a path parameter reaches an upstream path (Docker
// engine, Kubernetes API), so characters that change what that path means are refused before any
// route-specific schema runs, whether or not that schema remembered to. Route schemas then apply
// the upstream's own name rules (lib/docker/names.ts, lib/kube/names.ts).
import { badRequest } from "../errors";

// Control characters, space, and the characters that end or escape a path segment.
const UNSAFE_CHARACTERS = new Set(["?", "#", "%", "\\"]);
const isUnsafe = (text: string) =>
  [...text].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f || UNSAFE_CHARACTERS.has(c));

export function checkPathParams(params: Record<string, string | string[]>): void {
  for (const [name, value] of Object.entries(params)) {
    for (const part of Array.isArray(value) ? value : [value]) {
      if (typeof part !== "string") continue;
      const segments = part.split("/");
      if (isUnsafe(part) || segments.some((s) => s === "." || s === "..")) {
        throw badRequest(`${name}: contains characters that are not allowed in a name or id`);
      }
    }
  }
}
