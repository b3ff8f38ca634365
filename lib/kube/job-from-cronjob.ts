// What `kubectl create job --from=cronjob/<name>` does: a Job made now from the CronJob's job
// template, marked as started by hand and owned by the CronJob (so it shows in its history and
// goes with it).
import { randomBytes } from "node:crypto";
import type { KubeApi } from "./kube-api";
import { builtInKind } from "./kinds/catalog";
import { at } from "./kinds/helpers";
import { resourcePath, type KubeObject } from "./kinds/kind";
import { withoutManagedFields } from "./resources";

export const JOBS = builtInKind("jobs.batch")!;

// A Job's name becomes the value of its pods' job-name label, which may hold 63 characters.
const MAX_NAME = 63;

/** "<cronjob>-manual-<5 random characters>", the CronJob's part shortened to fit 63 characters. */
export function manualJobName(cronJob: string): string {
  const suffix = `-manual-${randomBytes(4).toString("hex").slice(0, 5)}`;
  return `${cronJob.slice(0, MAX_NAME - suffix.length).replace(/[-.]+$/, "")}${suffix}`;
}

export async function createJobFromCronJob(api: KubeApi, cronJob: KubeObject): Promise<KubeObject> {
  const template = (at(cronJob, "spec", "jobTemplate") ?? {}) as {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec?: unknown;
  };
  const job = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name: manualJobName(cronJob.metadata.name),
      namespace: cronJob.metadata.namespace,
      labels: template.metadata?.labels,
      annotations: { "cronjob.kubernetes.io/instantiate": "manual", ...template.metadata?.annotations },
      ownerReferences: [
        {
          apiVersion: "batch/v1",
          kind: "CronJob",
          name: cronJob.metadata.name,
          uid: cronJob.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: template.spec,
  };
  return withoutManagedFields(
    await api<KubeObject>({
      method: "POST",
      path: resourcePath(JOBS, { namespace: cronJob.metadata.namespace }),
      body: job,
      query: { fieldManager: "fleetdeck" },
    }),
  );
}
