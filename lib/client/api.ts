// Browser-side JSON calls to our API; failures carry the server's plain-words message.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** What the server added to its message (e.g. the schema problems of a YAML apply). */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const json = text ? (JSON.parse(text) as { error?: string; details?: unknown }) : {};
  if (!response.ok)
    throw new ApiError(response.status, json.error ?? `request failed (${response.status})`, json.details);
  return json as T;
}
