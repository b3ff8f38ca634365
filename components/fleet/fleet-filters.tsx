"use client";

// Kind, status and tag pickers of the fleet home; each choice goes into the URL.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { FleetFilter } from "@/lib/client/fleet-filter";
import { Select } from "../ui/field";

export function FleetFilters({ filter, tags }: { filter: FleetFilter; tags: string[] }) {
  const router = useRouter();
  const path = usePathname();
  const params = useSearchParams();
  const set = (key: keyof FleetFilter) => (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    const query = next.toString();
    router.replace(query ? `${path}?${query}` : path, { scroll: false });
  };
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label="Filters">
      <Select
        className="w-auto"
        aria-label="Kind"
        value={filter.kind ?? ""}
        onChange={(e) => set("kind")(e.target.value)}
      >
        <option value="">All kinds</option>
        <option value="docker">Docker</option>
        <option value="kubernetes">Kubernetes</option>
      </Select>
      <Select
        className="w-auto"
        aria-label="Status"
        value={filter.status ?? ""}
        onChange={(e) => set("status")(e.target.value)}
      >
        <option value="">Any status</option>
        <option value="up">Up</option>
        <option value="down">Down</option>
        <option value="checking">Checking</option>
      </Select>
      <Select className="w-auto" aria-label="Tag" value={filter.tag ?? ""} onChange={(e) => set("tag")(e.target.value)}>
        <option value="">Any tag</option>
        {tags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </Select>
    </div>
  );
}
