// The containers of the pods matching a label selector, followed with one list+watch (client-node
// informer, re-listing on 410 Gone, restarted with backoff when the API server drops it). A
// container joins once it has started (init containers too) and leaves with its pod.
import { CoreV1Api, makeInformer, type KubeConfig, type V1Pod } from "@kubernetes/client-node";
import { kubeLogSource } from "./kube-log-source";
import type { LogSource } from "./log-source";
import type { MemberSet } from "./member-set";

const RETRY_MS = [500, 1000, 2000, 5000];
const SETTLE_MS = 50;

function startedContainers(pod: V1Pod): string[] {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  return statuses.filter((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated).map((s) => s.name);
}

export function kubePodMembers(options: {
  endpointId: string;
  kc: KubeConfig;
  /** One namespace, or every namespace (the viewer's grants filter members later). */
  namespace?: string;
  selector: string;
  label: string;
  /** Whom `kc` reads as (impersonation's callerKey): only viewers reading as the same share it. */
  readAs?: string;
}): MemberSet {
  const { endpointId, kc, namespace, selector, readAs } = options;
  return {
    key: `kube-pods:${endpointId}:${namespace ?? "*"}:${selector}${readAs ?? ""}`,
    label: options.label,
    watch(onMembers, onProblem) {
      const core = kc.makeApiClient(CoreV1Api);
      const path = namespace ? `/api/v1/namespaces/${namespace}/pods` : "/api/v1/pods";
      const informer = makeInformer<V1Pod>(
        kc,
        path,
        () =>
          namespace
            ? core.listNamespacedPod({ namespace, labelSelector: selector })
            : core.listPodForAllNamespaces({ labelSelector: selector }),
        selector,
      );
      const sources = new Map<string, LogSource>();
      let stopped = false;
      let retries = 0;
      let settle: NodeJS.Timeout | null = null;
      let retry: NodeJS.Timeout | null = null;

      const publish = () => {
        settle = null;
        const members: LogSource[] = [];
        for (const pod of informer.list()) {
          const ns = pod.metadata?.namespace ?? "";
          const name = pod.metadata?.name ?? "";
          if (pod.metadata?.deletionTimestamp && pod.status?.phase !== "Running") continue;
          for (const container of startedContainers(pod)) {
            const key = `${ns}/${name}/${container}`;
            let source = sources.get(key);
            if (!source)
              sources.set(
                key,
                (source = kubeLogSource({ endpointId, kc, namespace: ns, pod: name, container, readAs })),
              );
            members.push(source);
          }
        }
        const live = new Set(members.map((m) => m.key));
        for (const [key, source] of sources) if (!live.has(source.key)) sources.delete(key);
        onMembers(members);
      };
      // Many pod updates arrive together (a rollout): publish once they settle.
      const schedule = () => {
        if (!stopped && !settle) settle = setTimeout(publish, SETTLE_MS);
      };
      const start = () => {
        informer.start().then(
          () => {
            if (retries > 0) onProblem(null);
            retries = 0;
            schedule();
          },
          (error: Error) => failed(error),
        );
      };
      const failed = (error: { message?: string; statusCode?: number }) => {
        if (stopped || retry) return;
        onProblem(`lost the pod watch: ${error?.message ?? "the API server closed it"}; re-connecting`);
        const delay = RETRY_MS[Math.min(retries++, RETRY_MS.length - 1)]!;
        retry = setTimeout(() => {
          retry = null;
          if (!stopped) start();
        }, delay);
      };
      informer.on("add", schedule);
      informer.on("update", schedule);
      informer.on("delete", schedule);
      informer.on("error", failed);
      start();
      return () => {
        stopped = true;
        if (settle) clearTimeout(settle);
        if (retry) clearTimeout(retry);
        void informer.stop();
      };
    },
  };
}
