// One Docker engine's containers as this instance knows them: listed once, then kept current from
// the engine's event stream (one upstream, shared by the live pages, the palette, the fleet cards
// and the containers API). A list taken while events arrive never undoes the newer events.
import type Docker from "dockerode";
import { toContainerRow, type ContainerRow } from "../container-view";

export class EngineContainers {
  readonly rows = new Map<string, ContainerRow>();
  /** True once a list has been taken and nothing since says it may be out of date. */
  current = false;
  /** The engine's last refusal, in its words (cleared by the next good list). */
  error: string | null = null;
  /** The error itself, for callers that report it in the engine's words. */
  failure: unknown = null;
  private listing: Promise<void> | null = null;
  /** Containers changed by events while the list is on its way (the list is older). */
  private changedDuringList: Set<string> | null = null;

  constructor(private readonly docker: () => Promise<Docker>) {}

  /** A container's fresh row from an event (null: it was removed). */
  apply(id: string, row: ContainerRow | null): void {
    this.changedDuringList?.add(id);
    if (row) this.rows.set(id, row);
    else this.rows.delete(id);
  }

  /** Events may have been missed (the stream was lost) or a change went around the stream. */
  markStale(): void {
    this.current = false;
  }

  /** Lists the containers again (one list at a time; callers share it). Never rejects. */
  relist(): Promise<void> {
    this.listing ??= this.list().finally(() => (this.listing = null));
    return this.listing;
  }

  /** Newest first, as the engine lists them. */
  sorted(): ContainerRow[] {
    return [...this.rows.values()].sort((a, b) => b.created - a.created || a.name.localeCompare(b.name));
  }

  private async list(): Promise<void> {
    const changed = new Set<string>();
    this.changedDuringList = changed;
    // Staleness noticed from here on needs another list: this one may have been asked too early.
    this.current = true;
    try {
      const listed = (await (await this.docker()).listContainers({ all: true })).map(toContainerRow);
      const ids = new Set(listed.map((r) => r.id));
      for (const row of listed) if (!changed.has(row.id)) this.rows.set(row.id, row);
      for (const id of [...this.rows.keys()]) if (!ids.has(id) && !changed.has(id)) this.rows.delete(id);
      this.error = null;
      this.failure = null;
    } catch (error) {
      this.current = false;
      this.error = (error as Error).message;
      this.failure = error;
    } finally {
      if (this.changedDuringList === changed) this.changedDuringList = null;
    }
  }
}
