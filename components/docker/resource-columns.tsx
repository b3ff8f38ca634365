"use client";

// Columns of the images, volumes and networks tables: one descriptor per kind.
import type { ReactNode } from "react";
import type { ImageRow } from "@/lib/docker/images";
import type { NetworkRow, VolumeRow } from "@/lib/docker/volumes-networks";
import { formatAgo, formatBytes } from "@/lib/client/format";

export interface KindView<T> {
  title: string;
  key(row: T): string;
  label(row: T): string;
  columns: { header: string; cell(row: T): ReactNode }[];
  /** Fields of the create form; none = created elsewhere (images come from a pull). */
  create?: { name: string; label: string; placeholder?: string }[];
  pruneLabel: string;
}

const users = (names: string[]) => (names.length ? names.join(", ") : <span className="text-muted">unused</span>);

export const KIND_VIEWS = {
  images: {
    title: "Images",
    key: (r) => r.id,
    label: (r) => r.tags[0] ?? r.id.slice(7, 19),
    columns: [
      {
        header: "Tags",
        cell: (r) => (r.tags.length ? r.tags.join(", ") : <span className="text-muted">&lt;none&gt;</span>),
      },
      { header: "ID", cell: (r) => <code>{r.id.slice(7, 19)}</code> },
      { header: "Size", cell: (r) => formatBytes(r.sizeBytes) },
      { header: "Created", cell: (r) => formatAgo(r.created) },
      {
        header: "In use",
        cell: (r) => (r.inUse ? `${r.inUse} container(s)` : <span className="text-muted">unused</span>),
      },
    ],
    pruneLabel: "Remove dangling images",
  } satisfies KindView<ImageRow>,
  volumes: {
    title: "Volumes",
    key: (r) => r.name,
    label: (r) => r.name,
    columns: [
      { header: "Name", cell: (r) => r.name },
      { header: "Driver", cell: (r) => r.driver },
      { header: "Mount point", cell: (r) => <code className="text-xs">{r.mountpoint}</code> },
      { header: "Used by", cell: (r) => users(r.usedBy) },
    ],
    create: [{ name: "name", label: "Volume name" }],
    pruneLabel: "Remove unused volumes",
  } satisfies KindView<VolumeRow>,
  networks: {
    title: "Networks",
    key: (r) => r.id,
    label: (r) => r.name,
    columns: [
      { header: "Name", cell: (r) => r.name },
      { header: "Driver", cell: (r) => r.driver },
      { header: "Subnets", cell: (r) => r.subnets.join(", ") },
      { header: "Internal", cell: (r) => (r.internal ? "yes" : "no") },
      { header: "Used by", cell: (r) => users(r.usedBy) },
    ],
    create: [
      { name: "name", label: "Network name" },
      { name: "subnet", label: "Subnet (optional)", placeholder: "172.30.0.0/24" },
    ],
    pruneLabel: "Remove unused networks",
  } satisfies KindView<NetworkRow>,
};

export type ResourceKind = keyof typeof KIND_VIEWS;
