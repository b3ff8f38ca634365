// A streamed answer for long operations (pulls, deployments): one JSON object per line as the
// work progresses, then {"done": true} or {"error": "..."}. The HTTP status is already sent, so
// a failure arrives as the last line.
export function ndjsonResponse(
  work: (send: (value: unknown) => void) => Promise<void>,
  options: { describeError(error: unknown): string; onEnd(outcome: { ok: boolean; error?: string }): Promise<void> },
): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(JSON.stringify(value) + "\n"));
      let error: string | undefined;
      try {
        await work(send);
        send({ done: true });
      } catch (e) {
        error = options.describeError(e);
        send({ error });
      }
      await options.onEnd({ ok: !error, error }).catch(() => {});
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson", "cache-control": "no-store" } });
}
