// What a listed Docker kind is, for the browser and the server alike: names, columns, create-form
// fields and the permission each operation needs. Plain data: no dockerode, no React.
import type { Action } from "../../rbac/actions";

/** A table cell as data; components/docker/resource-cell.tsx draws it. */
export type Cell =
  | string
  | { code: string } // an identifier or a path
  | { muted: string } // an absence: "unused", "<none>"
  | { bytes: number }
  | { time: number }; // seconds since the epoch, shown as "… ago"

export interface Column<Row> {
  header: string;
  cell(row: Row): Cell;
}

export interface CreateField {
  name: string;
  label: string;
  placeholder?: string;
  required?: boolean;
}

/** Actions on a whole list besides create and prune; components/docker/resource-list.tsx draws each. */
export type ListExtra = "pull";

/** Listing, creating, removing and pruning are the same permissions for every kind so far. */
export const RESOURCE_ACTIONS = {
  list: "resource.read",
  create: "resource.write",
  remove: "resource.delete",
  prune: "resource.delete",
} as const satisfies Record<string, Action>;

export interface DockerKind<Row> {
  /** Plural, as in paths: "images". */
  resource: string;
  /** Singular, for messages and audit actions ("image.remove"). */
  singular: string;
  title: string;
  /** The engine event `Type` that makes a list of this kind stale (not derivable from the plural). */
  staleOn: string;
  key(row: Row): string;
  label(row: Row): string;
  columns: readonly Column<Row>[];
  /** Fields of the create form; none = not created from the list (images come from a pull). */
  createFields?: readonly CreateField[];
  /** What prune removes, in words: "dangling images". */
  pruneWhat: string;
  /** The action (lib/rbac/actions.ts) each operation needs; routes enforce it, the UI asks `can`. */
  actions: Record<keyof typeof RESOURCE_ACTIONS, Action>;
  extras?: Partial<Record<ListExtra, Action>>;
}
