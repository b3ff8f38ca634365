// A streamed answer for long operations (pulls, deployments): one JSON object per line as the
// work progresses, then {"done": true} or {"error": "..."}. The HTTP status is already sent, so
// a failure arrives as the last line. A client that goes away aborts `signal` (the work decides
// whether to stop its upstream or finish), sending becomes a no-op, and `onEnd` (the audit row)
// runs exactly once whatever happened.
import { logger } from "../log/logger";

export function ndjsonResponse(
  work: (send: (value: unknown) => void, signal: AbortSignal) => Promise<void>,
  options: {
    describeError(error: unknown): string;
    onEnd(outcome: { ok: boolean; error?: string; clientLeft: boolean }): Promise<void>;
  },
): Response {
  const encoder = new TextEncoder();
  const cancelled = new AbortController();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => {
        if (cancelled.signal.aborted) return;
        try {
          controller.enqueue(encoder.encode(JSON.stringify(value) + "\n"));
        } catch {
          cancelled.abort(); // closed under us: nobody is reading any more
        }
      };
      let error: string | undefined;
      try {
        await work(send, cancelled.signal);
        send({ done: true });
      } catch (e) {
        error = options.describeError(e);
        send({ error });
      }
      await options
        .onEnd({ ok: !error, error, clientLeft: cancelled.signal.aborted })
        .catch((e: unknown) => logger().error({ err: e }, "could not record the end of a streamed operation"));
      if (!cancelled.signal.aborted) controller.close();
    },
    cancel() {
      cancelled.abort();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson", "cache-control": "no-store" } });
}
