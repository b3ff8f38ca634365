// Images as a listed Docker kind: columns and permissions (client-safe); pulled, not created here.
import { RESOURCE_ACTIONS, type DockerKind } from "./kind";

export interface ImageRow {
  id: string;
  tags: string[];
  sizeBytes: number;
  created: number;
  inUse: number;
  dangling: boolean;
}

const shortId = (r: ImageRow) => r.id.slice(7, 19); // without "sha256:"

export const IMAGES = {
  resource: "images",
  singular: "image",
  title: "Images",
  staleOn: "image",
  key: (r) => r.id,
  label: (r) => r.tags[0] ?? shortId(r),
  columns: [
    { header: "Tags", cell: (r) => (r.tags.length ? r.tags.join(", ") : { muted: "<none>" }) },
    { header: "ID", cell: (r) => ({ code: shortId(r) }) },
    { header: "Size", cell: (r) => ({ bytes: r.sizeBytes }) },
    { header: "Created", cell: (r) => ({ time: r.created }) },
    { header: "In use", cell: (r) => (r.inUse ? `${r.inUse} container(s)` : { muted: "unused" }) },
  ],
  pruneWhat: "dangling images",
  actions: RESOURCE_ACTIONS,
  extras: { pull: "resource.write" },
} as const satisfies DockerKind<ImageRow>;
