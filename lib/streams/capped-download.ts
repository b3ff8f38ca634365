// A log download as a stream to the browser: chunks are read from the upstream only as fast as the
// client takes them, the body stops at a byte cap with a last line that says so, and the upstream
// is stopped as soon as the client goes away.

export const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

const encoder = new TextEncoder();
const NEWLINE = 0x0a;

export function cappedDownload(options: {
  /** Text chunks, pulled one at a time (a Node stream's async iterator keeps its backpressure). */
  chunks: AsyncIterable<string | Uint8Array>;
  /** Stops the upstream (the client left, the cap was reached, or it failed). */
  stop: () => void;
  maxBytes?: number;
}): ReadableStream<Uint8Array> {
  const maxBytes = options.maxBytes ?? MAX_DOWNLOAD_BYTES;
  const iterator = options.chunks[Symbol.asyncIterator]();
  let sent = 0;
  let endsWithNewline = true;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    options.stop();
    void iterator.return?.().catch(() => {});
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: IteratorResult<string | Uint8Array>;
      try {
        next = await iterator.next();
      } catch (error) {
        controller.enqueue(encoder.encode(`\n[download failed: ${(error as Error).message}]\n`));
        stop();
        return controller.close();
      }
      if (next.done) {
        stop();
        return controller.close();
      }
      const bytes = typeof next.value === "string" ? encoder.encode(next.value) : next.value;
      if (sent + bytes.length <= maxBytes) {
        sent += bytes.length;
        if (bytes.length) endsWithNewline = bytes[bytes.length - 1] === NEWLINE;
        return controller.enqueue(bytes);
      }
      // Up to the cap, cut after the last whole line, then say where it stopped.
      const room = bytes.subarray(0, maxBytes - sent);
      const lastNewline = room.lastIndexOf(NEWLINE);
      if (lastNewline >= 0) controller.enqueue(room.slice(0, lastNewline + 1));
      else if (!endsWithNewline) controller.enqueue(encoder.encode("\n"));
      const megabytes = Math.round(maxBytes / 1024 / 1024);
      controller.enqueue(encoder.encode(`[download stopped at ${megabytes} MB]\n`));
      stop();
      controller.close();
    },
    cancel() {
      stop();
    },
  });
}
