// Kubernetes object name rules (DNS-1123), as zod schemas for every name that reaches an API path
// or a socket subscription: namespaces and containers are labels, most objects subdomains.
import { z } from "zod";

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const namespaceName = z
  .string()
  .min(1, "a namespace is required")
  .max(63)
  .regex(LABEL, "namespaces use lower-case letters, digits and - (DNS-1123 label)");

export const objectName = z
  .string()
  .min(1, "a name is required")
  .max(253)
  .regex(SUBDOMAIN, "names use lower-case letters, digits, - and . (DNS-1123 subdomain)");

export const containerName = z
  .string()
  .min(1, "a container name is required")
  .max(63)
  .regex(LABEL, "container names use lower-case letters, digits and - (DNS-1123 label)");

/**
 * Any object's name as the API server accepts it in a path (its IsValidPathSegmentName): RBAC
 * objects may hold ":" ("system:controller:…"); none may hold "/" or "%", or be "." or "..".
 */
export const pathSegmentName = z
  .string()
  .min(1, "a name is required")
  .max(253)
  .regex(/^[^/%?#\\\s]+$/, "names cannot hold / % ? # \\ or spaces")
  .refine((s) => s !== "." && s !== "..", "a name cannot be . or ..");

/** How the dashboard names a resource in URLs: "pods", "deployments.apps", "widgets.fleetdeck.test". */
export const resourceIdParam = objectName;
