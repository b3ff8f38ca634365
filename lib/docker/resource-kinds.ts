// One descriptor per Docker resource kind that is listed, created, removed and pruned the same
// way (images, volumes, networks); the API routes are generic over this table.
import type Docker from "dockerode";
import { z, type ZodType } from "zod";
import { listImages } from "./images";
import { imageRef, networkRef, volumeRef } from "./names";
import { createNetworkSchema, createVolumeSchema, listNetworks, listVolumes } from "./volumes-networks";

interface KindDescriptor {
  /** Singular, for audit actions: "image.remove". */
  noun: string;
  /** What an id or name of this kind may look like (it goes into the engine's path). */
  ref: ZodType<string>;
  list(docker: Docker): Promise<unknown[]>;
  create?: { schema: ZodType<{ name: string }>; run(docker: Docker, input: never): Promise<string> };
  remove(docker: Docker, id: string, force: boolean): Promise<unknown>;
  prune(docker: Docker): Promise<{ removed: number; reclaimedBytes?: number }>;
  pruneWhat: string;
}

export const DOCKER_KINDS = {
  images: {
    noun: "image",
    ref: imageRef,
    list: listImages,
    remove: (docker, id, force) => docker.getImage(id).remove({ force }),
    prune: async (docker) => {
      const r = await docker.pruneImages({ filters: { dangling: ["true"] } });
      return { removed: (r.ImagesDeleted ?? []).length, reclaimedBytes: r.SpaceReclaimed ?? 0 };
    },
    pruneWhat: "dangling images",
  },
  volumes: {
    noun: "volume",
    ref: volumeRef,
    list: listVolumes,
    create: {
      schema: createVolumeSchema,
      run: async (docker, input: z.infer<typeof createVolumeSchema>) => {
        await docker.createVolume({ Name: input.name, Driver: input.driver, Labels: input.labels });
        return input.name;
      },
    },
    remove: (docker, name) => docker.getVolume(name).remove(),
    prune: async (docker) => {
      const r = await docker.pruneVolumes();
      return { removed: (r.VolumesDeleted ?? []).length, reclaimedBytes: r.SpaceReclaimed ?? 0 };
    },
    pruneWhat: "unused volumes",
  },
  networks: {
    noun: "network",
    ref: networkRef,
    list: listNetworks,
    create: {
      schema: createNetworkSchema,
      run: async (docker, input: z.infer<typeof createNetworkSchema>) => {
        const network = await docker.createNetwork({
          Name: input.name,
          Driver: input.driver,
          Internal: input.internal,
          Labels: input.labels,
          IPAM: input.subnet ? { Driver: "default", Config: [{ Subnet: input.subnet }] } : undefined,
        });
        return network.id;
      },
    },
    remove: (docker, id) => docker.getNetwork(id).remove(),
    prune: async (docker) => ({ removed: ((await docker.pruneNetworks()).NetworksDeleted ?? []).length }),
    pruneWhat: "unused networks",
  },
} satisfies Record<string, KindDescriptor>;

export type DockerKind = keyof typeof DOCKER_KINDS;
export const dockerKindParam = z.enum(Object.keys(DOCKER_KINDS) as [DockerKind, ...DockerKind[]]);
export const kindOf = (kind: DockerKind): KindDescriptor => DOCKER_KINDS[kind];
