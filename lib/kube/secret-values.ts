// A Secret's values never leave the server unless someone allowed to asks for them (an audited
// "reveal"): everywhere else a Secret shows its keys and sizes only. The last-applied annotation
// holds the values in clear, so it goes too.
import type { KubeObject } from "./kinds/kind";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** The object with every value of a Secret replaced by its size. Other kinds are returned as they are. */
export function maskSecret(object: KubeObject, kind: string): KubeObject {
  if (kind !== "Secret") return object;
  const data = (object.data ?? {}) as Record<string, string>;
  const annotations = { ...(object.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const { stringData: _, ...rest } = object;
  return {
    ...rest,
    metadata: { ...object.metadata, annotations },
    data: Object.fromEntries(
      Object.entries(data).map(([key, value]) => [key, `(${Buffer.from(value, "base64").length} bytes, hidden)`]),
    ),
  };
}

/** Decoded values: text where the bytes are UTF-8 text, else base64 (marked). */
export function revealSecret(object: KubeObject): Record<string, { value: string; encoding: "text" | "base64" }> {
  const data = (object.data ?? {}) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => {
      const bytes = Buffer.from(value, "base64");
      const text = bytes.toString("utf8");
      // Not valid UTF-8, or control characters: shown as base64 rather than as garbage.
      const binary =
        text.includes("\uFFFD") || [...text].some((c) => c < " " && c !== "\n" && c !== "\r" && c !== "\t");
      return [key, binary ? { value, encoding: "base64" as const } : { value: text, encoding: "text" as const }];
    }),
  );
}
