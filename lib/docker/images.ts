// Images: list with "in use", pull with per-layer progress, history.
import type Docker from "dockerode";
import type { Readable } from "node:stream";
import type { ImageRow } from "./kinds/images";

export async function listImages(docker: Docker): Promise<ImageRow[]> {
  const [images, containers] = await Promise.all([
    docker.listImages({ all: false }),
    docker.listContainers({ all: true }),
  ]);
  const users = new Map<string, number>();
  for (const c of containers) users.set(c.ImageID, (users.get(c.ImageID) ?? 0) + 1);
  return images.map((i) => {
    const tags = (i.RepoTags ?? []).filter((t) => t !== "<none>:<none>");
    return {
      id: i.Id,
      tags,
      sizeBytes: i.Size,
      created: i.Created,
      inUse: users.get(i.Id) ?? 0,
      dangling: tags.length === 0,
    };
  });
}

export interface PullProgress {
  /** The layer, or undefined for messages about the whole pull. */
  id?: string;
  status: string;
  current?: number;
  total?: number;
  error?: string;
}

/**
 * Pulls an image, reporting the engine's progress events as they come. Aborting `signal` closes
 * the engine's stream (the engine then stops the pull).
 */
export async function pullImage(
  docker: Docker,
  options: {
    image: string;
    auth?: { username: string; password: string; serveraddress: string };
    signal?: AbortSignal;
  },
  onProgress: (event: PullProgress) => void = () => {},
): Promise<void> {
  const stream = (await docker.pull(options.image, options.auth ? { authconfig: options.auth } : {})) as Readable;
  const stop = () => stream.destroy(new Error("the pull was cancelled"));
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener("abort", stop, { once: true });
  await new Promise<void>((resolve, reject) => {
    stream.once("error", reject);
    docker.modem.followProgress(
      stream,
      (error: Error | null, output: { error?: string }[]) => {
        const failed = error?.message ?? output?.find((o) => o.error)?.error;
        if (failed) reject(new Error(failed));
        else resolve();
      },
      (e: { id?: string; status?: string; progressDetail?: { current?: number; total?: number }; error?: string }) =>
        onProgress({
          id: e.id,
          status: e.status ?? (e.error ? "error" : ""),
          current: e.progressDetail?.current,
          total: e.progressDetail?.total,
          error: e.error,
        }),
    );
  }).finally(() => options.signal?.removeEventListener("abort", stop));
}

export async function imageHistory(docker: Docker, id: string) {
  const history = (await docker.getImage(id).history()) as {
    Id: string;
    Created: number;
    CreatedBy: string;
    Size: number;
    Tags: string[] | null;
  }[];
  return history.map((h) => ({
    id: h.Id,
    created: h.Created,
    createdBy: h.CreatedBy,
    sizeBytes: h.Size,
    tags: h.Tags ?? [],
  }));
}
