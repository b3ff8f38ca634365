"use client";

// The signed-in person's endpoints, live, shared by the shell (sidebar, breadcrumbs) and the pages
// that show them (fleet home): one subscription per tab.
import { createContext, useContext, type ReactNode } from "react";
import type { EndpointView } from "../endpoints/view";
import { useLiveEndpoints } from "./use-live-endpoints";

const EndpointsContext = createContext<{ endpoints: EndpointView[]; connected: boolean } | null>(null);

export function EndpointsProvider({ initial, children }: { initial: EndpointView[]; children: ReactNode }) {
  const live = useLiveEndpoints(initial);
  return <EndpointsContext.Provider value={live}>{children}</EndpointsContext.Provider>;
}

export function useEndpoints(): { endpoints: EndpointView[]; connected: boolean } {
  const value = useContext(EndpointsContext);
  if (!value) throw new Error("useEndpoints needs an EndpointsProvider (the app shell)");
  return value;
}
