// The words for a token's expiry and ceiling choices, shared by the form and the list.
import type { EndpointRole } from "@/lib/rbac/actions";

export const EXPIRY_CHOICES = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "never", label: "Never" },
] as const;

export const CEILING_CHOICES: { value: EndpointRole | "none"; label: string }[] = [
  { value: "VIEWER", label: "Read-only (viewer)" },
  { value: "OPERATOR", label: "Up to operator" },
  { value: "ENDPOINT_ADMIN", label: "Up to endpoint admin" },
  { value: "none", label: "Everything I may do" },
];

export const ceilingLabel = (ceiling: EndpointRole | null) =>
  CEILING_CHOICES.find((c) => c.value === (ceiling ?? "none"))!.label;
