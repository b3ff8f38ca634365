// Every listed Docker kind, and the sections (tabs) of a Docker endpoint's pages. A new kind is
// one file here plus one line below, and its engine calls in operations.ts (the compiler asks).
import { IMAGES } from "./images";
import type { DockerKind } from "./kind";
import { NETWORKS } from "./networks";
import { VOLUMES } from "./volumes";

export const DOCKER_KINDS = [IMAGES, VOLUMES, NETWORKS] as const;

export type DockerResource = (typeof DOCKER_KINDS)[number]["resource"];
export const DOCKER_RESOURCES = DOCKER_KINDS.map((k) => k.resource) as [DockerResource, ...DockerResource[]];

/** The descriptor of a resource, with its row type erased (callers hold rows of that resource). */
export function dockerKind(resource: DockerResource): DockerKind<unknown> {
  return DOCKER_KINDS.find((k) => k.resource === resource) as DockerKind<unknown>;
}

/** Sections of a Docker endpoint, in order: overview, containers, every listed kind, stacks. */
export const DOCKER_SECTIONS: readonly { path: string; title: string }[] = [
  { path: "", title: "Overview" },
  { path: "containers", title: "Containers" },
  ...DOCKER_KINDS.map((k) => ({ path: k.resource, title: k.title })),
  { path: "stacks", title: "Stacks" },
];
