// One Docker endpoint as the palette searches it, held in memory: containers from the engine's
// shared state (kept current by its event stream, which the palette holds open while it searches
// the endpoint), images, volumes and networks listed once and listed again when the stream says
// one changed. A search never waits for the engine once the first lists are in.
import type Docker from "dockerode";
import type { ContainerRow } from "../docker/container-view";
import type { EngineContainers } from "../docker/engine-state/engine-containers";

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
  private firstLoad: Promise<void>;
  private markLoaded!: () => void;

  constructor(
    private readonly docker: () => Promise<Docker>,
    private readonly engine: EngineContainers,
  ) {
    this.firstLoad = new Promise((resolve) => (this.markLoaded = resolve));
  }

  get containers(): ReadonlyMap<string, ContainerRow> {
    return this.engine.rows;
  }

  /** Resolves when the first lists are in (never rejects: a failure is `error`). */
  get ready(): Promise<void> {
    return this.firstLoad;
  }

  /** Marks the index used and brings stale parts up to date in the background. */
  touch(): void {
    this.lastUsed = Date.now();
    if (!this.engine.current) this.stale.add("containers");
    if (this.stale.size && !this.refreshing && Date.now() - this.failedAt > RETRY_AFTER_MS) void this.refresh();
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
      await Promise.all(parts.map((part) => (part === "containers" ? this.listContainers() : this.list(docker, part))));
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

  private async listContainers(): Promise<void> {
    await this.engine.relist();
    if (this.engine.failure) throw this.engine.failure;
  }
}
