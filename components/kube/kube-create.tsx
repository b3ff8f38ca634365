"use client";

// Creating (or changing) objects from YAML: the apply editor, then links to what was applied.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "../ui/alert";
import { YamlApplyEditor, type ApplyResultRow } from "./yaml-apply-editor";

export function KubeCreate({ endpointId, initialYaml }: { endpointId: string; initialYaml: string }) {
  const router = useRouter();
  const [applied, setApplied] = useState<ApplyResultRow[] | null>(null);
  if (applied)
    return (
      <Alert tone="ok">
        Applied:{" "}
        {applied.map((r, i) => (
          <span key={i}>
            {i ? ", " : ""}
            {r.kind} {r.namespace ? `${r.namespace}/` : ""}
            {r.name}
          </span>
        ))}
        .{" "}
        <Link className="underline" href={`/endpoints/${endpointId}/kube/create`} onClick={() => setApplied(null)}>
          Create more
        </Link>
      </Alert>
    );
  return (
    <YamlApplyEditor
      endpointId={endpointId}
      initialYaml={initialYaml}
      onApplied={setApplied}
      onCancel={() => router.back()}
    />
  );
}
