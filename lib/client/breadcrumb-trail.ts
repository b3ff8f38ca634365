// The breadcrumb trail of a dashboard path: each step's label and link, named from the endpoint list,
// the Docker sections and the Kubernetes kinds (custom kinds by their resource id).
import { DOCKER_SECTIONS } from "../docker/kinds/registry";
import type { EndpointView } from "../endpoints/view";
import { BUILT_IN_KINDS } from "../kube/kinds/catalog";
import { resourceId } from "../kube/kinds/kind";

export interface Crumb {
  label: string;
  href: string;
}

const dockerTitle = (segment: string) => DOCKER_SECTIONS.find((s) => s.path === segment)?.title ?? segment;
const kubeTitle = (resource: string) => BUILT_IN_KINDS.find((k) => resourceId(k) === resource)?.title ?? resource;

export function breadcrumbTrail(path: string, endpoints: EndpointView[]): Crumb[] {
  const trail: Crumb[] = [{ label: "Fleet", href: "/" }];
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "logs") return [...trail, { label: "Logs", href: "/logs" }];
  if (parts[0] === "audit") return [...trail, { label: "Audit log", href: "/audit" }];
  if (parts[0] === "api-docs") return [...trail, { label: "REST API", href: "/api-docs" }];
  if (parts[0] === "account") return [...trail, { label: "Your account", href: "/account" }];
  if (parts[0] === "admin" && parts[1] === "users") return [...trail, { label: "People", href: "/admin/users" }];
  if (parts[0] === "admin" && parts[1] === "teams") return [...trail, { label: "Teams", href: "/admin/teams" }];
  if (parts[0] !== "endpoints") return trail;
  if (parts.length === 1) return [...trail, { label: "Endpoints", href: "/endpoints" }];
  if (parts[1] === "new") return [...trail, { label: "Add endpoint", href: "/endpoints/new" }];
  const id = parts[1]!;
  const base = `/endpoints/${id}`;
  trail.push({ label: endpoints.find((e) => e.id === id)?.name ?? "Endpoint", href: base });
  const rest = parts.slice(2);
  if (rest[0] === "kube") {
    if (rest[1] === "create") return [...trail, { label: "Create from YAML", href: `${base}/kube/create` }];
    if (rest[1]) trail.push({ label: kubeTitle(rest[1]), href: `${base}/kube/${rest[1]}` });
    if (rest[2]) trail.push({ label: rest[2], href: `${base}/kube/${rest[1]}/${rest[2]}` });
    return trail;
  }
  if (rest[0]) trail.push({ label: dockerTitle(rest[0]), href: `${base}/${rest[0]}` });
  if (rest[0] === "containers" && rest[1])
    trail.push({
      label: rest[1] === "new" ? "Create container" : rest[1].slice(0, 12),
      href: `${base}/containers/${rest[1]}`,
    });
  if (rest[0] === "containers" && rest[2] === "logs")
    trail.push({ label: "Logs", href: `${base}/containers/${rest[1]}/logs` });
  return trail;
}
