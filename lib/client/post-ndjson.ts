// POSTs to a streaming endpoint (NDJSON) and hands each line to `onLine` as it arrives. A refusal
// before the stream starts (4xx with {error}) is thrown like any API error. Aborting `signal` stops
// reading, which tells the server to stop the work.
export async function postNdjson<T>(
  path: string,
  body: unknown,
  onLine: (line: T) => void,
  options: { signal?: AbortSignal } = {},
): Promise<void> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: options.signal,
  });
  if (!response.ok || !response.body) {
    const json = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(json.error ?? `request failed (${response.status})`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onLine(JSON.parse(line) as T);
  }
}
