// The engine calls behind each listed Docker kind (server only: dockerode): list, create, remove,
// prune, and the rule an id or name must pass before it goes into an engine path.
import type Docker from "dockerode";
import { z, type ZodType } from "zod";
import { listImages } from "../images";
import { imageRef, networkRef, volumeRef } from "../names";
import { createNetworkSchema, createVolumeSchema, listNetworks, listVolumes } from "../volumes-networks";
import { DOCKER_RESOURCES, type DockerResource } from "./registry";

interface KindOperations {
  /** What an id or name of this kind may look like (dockerode puts it into the engine's path as is). */
  ref: ZodType<string>;
  list(docker: Docker): Promise<unknown[]>;
  /** Present exactly when the client descriptor has createFields. */
  create?: { schema: ZodType<{ name: string }>; run(docker: Docker, input: never): Promise<string> };
  remove(docker: Docker, id: string, force: boolean): Promise<unknown>;
  prune(docker: Docker): Promise<{ removed: number; reclaimedBytes?: number }>;
}

export const dockerResourceParam = z.enum(DOCKER_RESOURCES);

export const KIND_OPERATIONS: Record<DockerResource, KindOperations> = {
  images: {
    ref: imageRef,
    list: listImages,
    remove: (docker, id, force) => docker.getImage(id).remove({ force }),
    prune: async (docker) => {
      const r = await docker.pruneImages({ filters: { dangling: ["true"] } });
      return { removed: (r.ImagesDeleted ?? []).length, reclaimedBytes: r.SpaceReclaimed ?? 0 };
    },
  },
  volumes: {
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
  },
  networks: {
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
  },
};
