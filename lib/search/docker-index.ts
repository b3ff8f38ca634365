// One Docker endpoint as the palette searches it, held in memory: containers kept current from
// the engine's event stream (the same DockerEventHub the live pages use, an upstream of its own),
// images, volumes and networks listed once and listed again when the stream says one changed.
// A search never waits for the engine once the first lists are in.
import type Docker from "dockerode";
import { toContainerRow, type ContainerRow } from "../docker/container-view";

/** An image, volume or network as the palette needs it. */
export interface NamedThing {
  id: string;
  name: string;
  /** Other names it is found by (an image's further tags). */
  aliases: string[];
}

export const LISTED = ["images", "volumes", "networks"] as const;
export type Listed = (typeof LISTED)[number];
type Part = "containers" | Listed;

/** After a failed list, the next search tries again no sooner than this. */
const RETRY_AFTER_MS = 5_000;
/** A burst of image/volume/network events becomes one relist. */
const RELIST_DELAY_MS = 300;

const LISTERS: Record<Listed, (docker: Docker) => Promise<NamedThing[]>> = {
  images: async (docker) =>
    (await docker.listImages()).map((i) => {
      const tags = (i.RepoTags ?? []).filter((t) => t !== "<none>:<none>");
      return { id: i.Id, name: tags[0] ?? i.Id.replace(/^sha256:/, "").slice(0, 12), aliases: tags.slice(1) };
    }),
  volumes: async (docker) =>
    ((await docker.listVolumes()).Volumes ?? []).map((v) => ({ id: v.Name, name: v.Name, aliases: [] })),
  networks: async (docker) => (await docker.listNetworks()).map((n) => ({ id: n.Id, name: n.Name, aliases: [] })),
};

export class DockerIndex {
  readonly containers = new Map<string, ContainerRow>();
  readonly lists: Record<Listed, NamedThing[]> = { images: [], volumes: [], networks: [] };
  /** Set once every part has been listed at least once. */
  loaded = false;
  /** The engine's last refusal, in its words (cleared by the next good list). */
  error: string | null = null;
  lastUsed = Date.now();
  private stale = new Set<Part>(["containers", ...LISTED]);
  private refreshing: Promise<void> | null = null;
  private failedAt = 0;
  private relistTimer: NodeJS.Timeout | null = null;
  /** Containers changed by events while the containers list is on its way (the list is older). */
  private changedDuringList: Set<string> | null = null;
  private firstLoad: Promise<void>;
  private markLoaded!: () => void;

  constructor(private readonly docker: () => Promise<Docker>) {
    this.firstLoad = new Promise((resolve) => (this.markLoaded = resolve));
  }

  /** Resolves when the first lists are in (never rejects: a failure is `error`). */
  get ready(): Promise<void> {
    return this.firstLoad;
  }

  /** Marks the index used and brings stale parts up to date in the background. */
  touch(): void {
    this.lastUsed = Date.now();
    if (this.stale.size && !this.refreshing && Date.now() - this.failedAt > RETRY_AFTER_MS) void this.refresh();
  }

  onContainer(id: string, row: ContainerRow | null): void {
    this.changedDuringList?.add(id);
    if (row) this.containers.set(id, row);
    else this.containers.delete(id);
  }

  onOtherEvent(type: string): void {
    const part = `${type}s` as Listed;
    if (!LISTED.includes(part)) return;
    this.stale.add(part);
    this.relistSoon();
  }

  /** The stream was lost and is back: events may have been missed while it re-connected. */
  onReconnected(): void {
    for (const part of ["containers", ...LISTED] as const) this.stale.add(part);
    this.relistSoon();
  }

  stop(): void {
    if (this.relistTimer) clearTimeout(this.relistTimer);
  }

  private relistSoon(): void {
    if (this.relistTimer) return;
    this.relistTimer = setTimeout(() => {
      this.relistTimer = null;
      this.touchWithoutUse();
    }, RELIST_DELAY_MS);
    this.relistTimer.unref();
  }

  private touchWithoutUse(): void {
    if (this.stale.size && !this.refreshing) void this.refresh();
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.listStale().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async listStale(): Promise<void> {
    const parts = [...this.stale];
    this.stale.clear();
    try {
      const docker = await this.docker();
      await Promise.all(
        parts.map((part) => (part === "containers" ? this.listContainers(docker) : this.list(docker, part))),
      );
      this.error = null;
      this.loaded = true;
    } catch (error) {
      for (const part of parts) this.stale.add(part);
      this.failedAt = Date.now();
      this.error = (error as Error).message;
    }
    this.markLoaded();
  }

  private async list(docker: Docker, part: Listed): Promise<void> {
    this.lists[part] = await LISTERS[part](docker);
  }

  private async listContainers(docker: Docker): Promise<void> {
    const changed = new Set<string>();
    this.changedDuringList = changed;
    try {
      const rows = (await docker.listContainers({ all: true })).map(toContainerRow);
      const listed = new Set(rows.map((r) => r.id));
      for (const row of rows) if (!changed.has(row.id)) this.containers.set(row.id, row);
      for (const id of [...this.containers.keys()]) if (!listed.has(id) && !changed.has(id)) this.containers.delete(id);
    } finally {
      if (this.changedDuringList === changed) this.changedDuringList = null;
    }
  }
}
