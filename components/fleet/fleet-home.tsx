"use client";

// The page after sign-in: every endpoint the person may see, Docker and Kubernetes together, each
// card filling in on its own as its figures are pushed; filters in the URL; empty states that say why.
import Link from "next/link";
import { Plus } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useEndpoints } from "@/lib/client/endpoints-context";
import { matchesFleetFilter, readFleetFilter } from "@/lib/client/fleet-filter";
import { useFleetSummaries } from "@/lib/client/use-fleet-summaries";
import { EmptyState } from "../ui/empty-state";
import { EndpointCard } from "./endpoint-card";
import { FleetFilters } from "./fleet-filters";
import { FirstSteps } from "./first-steps";

export function FleetHome({ canAddEndpoint }: { canAddEndpoint: boolean }) {
  const { endpoints, connected } = useEndpoints();
  const summaries = useFleetSummaries(endpoints.map((e) => e.id));
  const filter = readFleetFilter(new URLSearchParams(useSearchParams()));
  const shown = endpoints.filter((e) => matchesFleetFilter(e, filter));
  const tags = [...new Set(endpoints.flatMap((e) => e.tags))].sort();
  const up = endpoints.filter((e) => e.status === "UP").length;

  if (endpoints.length === 0)
    return canAddEndpoint ? (
      <FirstSteps />
    ) : (
      <EmptyState reason="forbidden" title="No endpoint is shared with you yet">
        An administrator gives access per endpoint (as viewer, operator or endpoint administrator); it shows here as
        soon as they do.
      </EmptyState>
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <div className="mr-auto">
          <h1 className="text-xl font-semibold">Fleet</h1>
          <p className="text-sm text-muted">
            {up} of {endpoints.length} endpoints up
            {!connected ? <span className="ml-2 text-warn">· live updates paused: reconnecting…</span> : null}
          </p>
        </div>
        <FleetFilters filter={filter} tags={tags} />
        {canAddEndpoint ? (
          <Link
            href="/endpoints/new"
            className="inline-flex items-center gap-1.5 rounded-md bg-accent px-3 py-1.5 font-medium text-white"
          >
            <Plus aria-hidden className="size-4" />
            Add endpoint
          </Link>
        ) : null}
      </div>
      {shown.length === 0 ? (
        <EmptyState reason="filtered" title="No endpoint matches these filters">
          {endpoints.length} endpoints are hidden by the filters.{" "}
          <Link href="/" className="text-accent underline">
            Show all
          </Link>
        </EmptyState>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {shown.map((e) => (
            <EndpointCard key={e.id} endpoint={e} summary={summaries[e.id]} />
          ))}
        </div>
      )}
    </div>
  );
}
