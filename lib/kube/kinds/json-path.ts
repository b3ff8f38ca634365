// The JSONPath subset that CRDs' additionalPrinterColumns use (`.spec.size`, `.items[0].name`,
// `.status.conditions[?(@.type=="Ready")].status`), evaluated on an object for a list cell.
import type { CellValue } from "./kind";

type Step = { key: string } | { index: number } | { filter: { field: string; value: string } };

function parse(path: string): Step[] | null {
  const steps: Step[] = [];
  const pattern = /\.([A-Za-z0-9_-]+)|\[(\d+)\]|\[\?\(@\.([A-Za-z0-9_-]+)\s*==\s*["']([^"']*)["']\)\]/y;
  const text = path.startsWith("{") ? path.slice(1, -1) : path;
  pattern.lastIndex = 0;
  while (pattern.lastIndex < text.length) {
    const m = pattern.exec(text);
    if (!m) return null;
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else steps.push({ filter: { field: m[3]!, value: m[4]! } });
  }
  return steps;
}

export function evaluateJsonPath(object: unknown, path: string): CellValue {
  const steps = parse(path);
  if (!steps) return null;
  let values: unknown[] = [object];
  for (const step of steps) {
    values = values.flatMap((v): unknown[] => {
      if (v === null || typeof v !== "object") return [];
      if ("key" in step) return [(v as Record<string, unknown>)[step.key]];
      if (!Array.isArray(v)) return [];
      if ("index" in step) return [v[step.index]];
      return v.filter((e) => String((e as Record<string, unknown>)?.[step.filter.field]) === step.filter.value);
    });
  }
  const found = values.filter((v) => v !== undefined && v !== null);
  if (!found.length) return null;
  if (found.length === 1 && (typeof found[0] === "number" || typeof found[0] === "string")) return found[0];
  return found.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ");
}
