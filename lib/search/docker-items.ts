// A Docker endpoint's matches for one person: containers, compose stacks, images, volumes and
// networks from the endpoint's index, with the actions the person's role there allows.
import { encodeSource } from "../client/log-sources-param";
import type { Endpoint } from "../db/client";
import { can, type EndpointAccess } from "../rbac/can";
import type { Candidate } from "./candidate";
import type { DockerIndex, Listed } from "./docker-index";
import { matchScore, type Query } from "./match";
import type { PaletteAction, PaletteItem } from "./palette-item";

const LISTED_TYPES: Record<Listed, { type: PaletteItem["type"]; label: string }> = {
  images: { type: "image", label: "Image" },
  volumes: { type: "volume", label: "Volume" },
  networks: { type: "network", label: "Network" },
};

export function dockerCandidates(query: Query, endpoint: Endpoint, index: DockerIndex, access: EndpointAccess) {
  const found: Candidate[] = [];
  const base = `/endpoints/${endpoint.id}`;
  const common = { endpointId: endpoint.id, endpointName: endpoint.name };
  const mayLogs = can(access, "logs.read");
  const mayRestart = can(access, "workload.lifecycle");
  const stacks = new Map<string, number>();

  for (const row of index.containers.values()) {
    if (row.project) stacks.set(row.project, (stacks.get(row.project) ?? 0) + 1);
    const score = matchScore(query, row.name, `container ${row.image} ${endpoint.name}`);
    if (score === null) continue;
    found.push({
      score,
      name: row.name,
      make: () => {
        const actions: PaletteAction[] = [];
        if (mayLogs) actions.push({ kind: "logs", href: `${base}/containers/${row.id}/logs` });
        if (mayRestart) actions.push({ kind: "restart", path: `/api${base}/docker/containers/${row.id}/restart` });
        return {
          ...common,
          key: `${endpoint.id}|container|${row.id}`,
          type: "container",
          label: "Container",
          name: row.name,
          detail: row.status || row.state,
          href: `${base}/containers/${row.id}`,
          actions,
        };
      },
    });
  }

  for (const [project, count] of stacks) {
    const score = matchScore(query, project, `stack compose ${endpoint.name}`);
    if (score === null) continue;
    const logs = encodeSource({
      endpointId: endpoint.id,
      target: { kind: "labels", selector: `com.docker.compose.project=${project}` },
    });
    found.push({
      score,
      name: project,
      make: () => ({
        ...common,
        key: `${endpoint.id}|stack|${project}`,
        type: "stack",
        label: "Stack",
        name: project,
        detail: `${count} container${count === 1 ? "" : "s"}`,
        href: `${base}/stacks#stack-${encodeURIComponent(project)}`,
        actions: mayLogs ? [{ kind: "logs", href: `/logs?s=${logs}` }] : [],
      }),
    });
  }

  for (const part of Object.keys(LISTED_TYPES) as Listed[]) {
    const { type, label } = LISTED_TYPES[part];
    for (const thing of index.lists[part]) {
      const context = `${type} ${endpoint.name}`;
      // An image is found by any of its tags.
      const scores = [thing.name, ...thing.aliases].map((n) => matchScore(query, n, context) ?? -1);
      const score = Math.max(...scores);
      if (score < 0) continue;
      found.push({
        score,
        name: thing.name,
        make: () => ({
          ...common,
          key: `${endpoint.id}|${type}|${thing.id}`,
          type,
          label,
          name: thing.name,
          href: `${base}/${part}`,
          actions: [],
        }),
      });
    }
  }
  return found;
}
