"use client";

// One Kubernetes object: summary (namespace, age, labels, annotations, owners), conditions, the
// actions its kind offers, the events about it, and its YAML (a Secret's values hidden unless
// revealed by someone allowed to).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { editableYaml } from "@/lib/client/editable-yaml";
import { kubeAge, useNow } from "@/lib/client/use-now";
import { useLiveObject } from "@/lib/client/use-live-object";
import { BUILT_IN_KINDS } from "@/lib/kube/kinds/catalog";
import type { KubeKindInfo } from "@/lib/kube/kinds/kind-info";
import { resourceId, type KubeObject } from "@/lib/kube/kinds/kind";
import type { KubeEventRow } from "@/lib/kube/object-view";
import type { RelatedObject } from "@/lib/kube/related";
import type { RevisionRow } from "@/lib/kube/rollout-history";
import { can, type EndpointAccess } from "@/lib/rbac/can";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { KubeUsage } from "../usage/kube-usage";
import { HealthDot } from "./health-dot";
import { KubeActions } from "./kube-actions";
import { ObjectEvents } from "./object-events";
import { RolloutRevisions } from "./rollout-revisions";
import { YamlApplyEditor } from "./yaml-apply-editor";

type Condition = { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-line bg-panel p-4">
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-muted">{title}</h2>
      {children}
    </section>
  );
}

function Chips({ values }: { values: Record<string, string> | undefined }) {
  const entries = Object.entries(values ?? {});
  if (!entries.length) return <span className="text-muted">none</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {entries.map(([k, v]) => (
        <code key={k} className="rounded bg-canvas px-1.5 py-0.5 text-xs" title={v.length > 80 ? v : undefined}>
          {k}={v.length > 80 ? `${v.slice(0, 80)}…` : v}
        </code>
      ))}
    </span>
  );
}

/** The resource id of an owner's kind, when Fleetdeck shows that kind. */
function ownerResource(kind: string, apiVersion: string): string | null {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0]! : "";
  const found = BUILT_IN_KINDS.find((k) => k.kind === kind && k.group === group);
  return found ? resourceId(found) : null;
}

export function KubeObjectView(props: {
  endpointId: string;
  resource: string;
  kind: KubeKindInfo;
  initial: { object: KubeObject; yaml: string; events: KubeEventRow[] };
  related: RelatedObject[];
  /** For kinds with a rollout history; null otherwise. */
  revisions: RevisionRow[] | null;
  access: EndpointAccess;
}) {
  const { endpointId, resource, access, kind } = props;
  const [object, setObject] = useState<KubeObject | null>(props.initial.object);
  // A newer object from the server (the page follows it upstream) replaces the one shown, keeping
  // what is open here (a drain's progress, revealed values, the editor).
  const [shownVersion, setShownVersion] = useState(props.initial.object.metadata.resourceVersion);
  if (props.initial.object.metadata.resourceVersion !== shownVersion) {
    setShownVersion(props.initial.object.metadata.resourceVersion);
    setObject(props.initial.object);
  }
  const [revealed, setRevealed] = useState<Record<string, { value: string; encoding: string }> | null>(null);
  const [editing, setEditing] = useState(false);
  const router = useRouter();
  const now = useNow();
  const live = useLiveObject({
    endpointId,
    resource,
    namespace: props.initial.object.metadata.namespace ?? null,
    name: props.initial.object.metadata.name,
    resourceVersion: props.initial.object.metadata.resourceVersion ?? "",
    paused: editing,
  });
  // A Secret is shown with its values hidden: editing that text would write the placeholders back.
  const editable = can(access, "resource.write") && kind.kind !== "Secret";
  if (!object) return <Alert tone="ok">Deleted.</Alert>;
  const m = object.metadata;
  const conditions = ((object.status as { conditions?: Condition[] } | undefined)?.conditions ?? []) as Condition[];
  const namespaceQuery = m.namespace ? `?namespace=${encodeURIComponent(m.namespace)}` : "";

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">
          <span className="text-muted">{kind.kind}</span> {m.name}
        </h1>
        <Link
          href={`/endpoints/${endpointId}/kube/${resource}${namespaceQuery}`}
          className="text-muted hover:underline"
        >
          all {kind.title.toLowerCase()}
        </Link>
      </div>
      {live.deleted ? (
        <Alert>This {kind.kind} was deleted upstream; the page shows its last state.</Alert>
      ) : editing && live.changedUpstream ? (
        <Alert tone="warn">
          It changed upstream since you began editing: Review compares your text with the live object.
        </Alert>
      ) : null}
      <KubeActions
        endpointId={endpointId}
        kind={kind}
        resource={resource}
        object={object}
        access={access}
        onChanged={setObject}
        onRevealed={setRevealed}
      />
      <Section title="Summary">
        <dl className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-1.5">
          {m.namespace ? (
            <>
              <dt className="text-muted">Namespace</dt>
              <dd>{m.namespace}</dd>
            </>
          ) : null}
          <dt className="text-muted">Age</dt>
          <dd title={m.creationTimestamp}>{kubeAge(m.creationTimestamp ?? null, now)}</dd>
          <dt className="text-muted">Labels</dt>
          <dd>
            <Chips values={m.labels} />
          </dd>
          <dt className="text-muted">Annotations</dt>
          <dd>
            <Chips values={m.annotations} />
          </dd>
          {m.ownerReferences?.length ? (
            <>
              <dt className="text-muted">Owned by</dt>
              <dd className="flex flex-wrap gap-2">
                {m.ownerReferences.map((o) => {
                  const owner = ownerResource(o.kind, o.apiVersion);
                  const label = `${o.kind} ${o.name}`;
                  return owner ? (
                    <Link
                      key={o.uid}
                      className="text-accent hover:underline"
                      href={`/endpoints/${endpointId}/kube/${owner}/${encodeURIComponent(o.name)}${namespaceQuery}`}
                    >
                      {label}
                    </Link>
                  ) : (
                    <span key={o.uid}>{label}</span>
                  );
                })}
              </dd>
            </>
          ) : null}
        </dl>
      </Section>
      {(kind.kind === "Pod" || kind.kind === "Node") && kind.group === "" ? (
        <Section title="Usage">
          <KubeUsage endpointId={endpointId} kind={kind.kind} object={object} />
        </Section>
      ) : null}
      {revealed ? (
        <Section title="Values (revealed; this was audited)">
          <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-1.5">
            {Object.entries(revealed).map(([key, v]) => (
              <div key={key} className="contents">
                <dt className="font-medium">{key}</dt>
                <dd>
                  <code className="whitespace-pre-wrap break-all" data-testid="secret-value">
                    {v.value}
                  </code>
                  {v.encoding === "base64" ? <span className="ml-2 text-muted">(binary, base64)</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </Section>
      ) : null}
      {conditions.length ? (
        <Section title="Conditions">
          <table className="w-full text-left">
            <thead className="text-xs uppercase text-muted">
              <tr>
                <th className="py-1 pr-3">Type</th>
                <th className="py-1 pr-3">Status</th>
                <th className="py-1 pr-3">Reason</th>
                <th className="py-1 pr-3">Message</th>
                <th className="py-1">Since</th>
              </tr>
            </thead>
            <tbody>
              {conditions.map((c) => (
                <tr key={c.type} className="border-t border-line">
                  <td className="py-1 pr-3">{c.type}</td>
                  <td className={`py-1 pr-3 ${c.status === "True" ? "text-ok" : "text-warn"}`}>{c.status}</td>
                  <td className="py-1 pr-3">{c.reason ?? ""}</td>
                  <td className="py-1 pr-3">{c.message ?? ""}</td>
                  <td className="py-1">{kubeAge(c.lastTransitionTime ?? null, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
      {props.related.length ? (
        <Section title="Related">
          <ul className="grid gap-1 md:grid-cols-2" data-testid="related">
            {props.related.map((r) => (
              <li key={`${r.resource}/${r.namespace}/${r.name}`} className="flex items-center gap-2">
                <HealthDot health={r.health} />
                <span className="text-muted">{r.relation}</span>
                <Link
                  className="text-accent hover:underline"
                  href={`/endpoints/${endpointId}/kube/${r.resource}/${encodeURIComponent(r.name)}${r.namespace ? `?namespace=${encodeURIComponent(r.namespace)}` : ""}`}
                >
                  {r.name}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {props.revisions ? (
        <Section title="Revisions">
          <RolloutRevisions {...{ endpointId, resource, kind, object, access }} revisions={props.revisions} />
        </Section>
      ) : null}
      {kind.kind !== "Event" ? (
        <Section title="Events">
          <ObjectEvents
            endpointId={endpointId}
            uid={m.uid}
            namespace={m.namespace ?? null}
            initial={props.initial.events}
          />
        </Section>
      ) : null}
      <Section title="YAML">
        {editing ? (
          <YamlApplyEditor
            endpointId={endpointId}
            initialYaml={editableYaml(object)}
            onCancel={() => setEditing(false)}
            onApplied={() => {
              setEditing(false);
              router.refresh();
            }}
          />
        ) : (
          <>
            {editable ? (
              <Button className="mb-2" onClick={() => setEditing(true)}>
                Edit YAML
              </Button>
            ) : null}
            <pre
              tabIndex={0}
              role="region"
              aria-label="YAML"
              className="max-h-[60vh] overflow-auto text-xs"
              data-testid="object-yaml"
            >
              {props.initial.yaml}
            </pre>
          </>
        )}
      </Section>
    </div>
  );
}
