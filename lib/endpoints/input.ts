// What the API accepts to create or change an endpoint. Secret fields may be left out of a change
// to keep the stored value ("set / replace" in the UI).
import { z } from "zod";
import { dockerTargetSchema, kubeTargetInputSchema } from "./target";

export const kubeconfigConnectionSchema = z.object({
  kind: z.literal("kubernetes-kubeconfig"),
  kubeconfig: z
    .string()
    .min(1, "paste or upload a kubeconfig")
    .max(1024 * 1024),
  context: z.string().min(1, "pick a context"),
  /** Allow a context whose server is plain http://. */
  plainHttp: z.boolean().optional(),
});

export const connectionInputSchema = z.union([dockerTargetSchema, kubeTargetInputSchema, kubeconfigConnectionSchema]);
export type ConnectionInput = z.infer<typeof connectionInputSchema>;

const name = z
  .string()
  .trim()
  .min(1, "name is required")
  .max(100)
  .regex(/^[^\s/][^/]*$/, "name cannot contain /");
const tags = z.array(z.string().trim().min(1).max(50)).max(20);

export const createEndpointSchema = z.object({
  name,
  tags: tags.default([]),
  tlsVerify: z.boolean().default(true),
  connection: connectionInputSchema,
  // Kubernetes: act in the cluster as the signed-in person (lib/kube/impersonation.ts).
  impersonate: z.boolean().optional(),
});

export const endpointChangeSchema = z.object({
  name: name.optional(),
  tags: tags.optional(),
  tlsVerify: z.boolean().optional(),
  // Validated after secret fields left out are filled from the stored target (registry.ts).
  connection: z.looseObject({ kind: z.string() }).optional(),
  // Docker: containers created through the dashboard may bind-mount host paths.
  allowHostBinds: z.boolean().optional(),
  // Kubernetes: act in the cluster as the signed-in person (lib/kube/impersonation.ts).
  impersonate: z.boolean().optional(),
  // Forget the recorded SSH host key; the next connection records the new one.
  forgetSshHostKey: z.literal(true).optional(),
});

export type CreateEndpointInput = z.infer<typeof createEndpointSchema>;
export type EndpointChange = z.infer<typeof endpointChangeSchema>;
