"use client";

// The current endpoint's sections belong in the shell's sidebar, but only the endpoint's layout knows
// the endpoint (and a cluster's custom kinds): it renders them here, and they are shown in the slot.
import { useSyncExternalStore, type ReactNode } from "react";
import { createPortal } from "react-dom";

export const SECTIONS_SLOT_ID = "endpoint-sections";

const noSubscription = () => () => {};

export function EndpointSections({ children }: { children: ReactNode }) {
  const slot = useSyncExternalStore(
    noSubscription,
    () => document.getElementById(SECTIONS_SLOT_ID),
    () => null,
  );
  return slot ? createPortal(children, slot) : null;
}
