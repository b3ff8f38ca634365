// The process's one logger: JSON lines on stdout (pino), level from LOG_LEVEL (default info), the
// request id of the work in progress on every line, and secrets redacted — by key (password,
// token, authorization, cookie, key material…) and inside text (a URL's password, a bearer token).
// On globalThis so that route code (bundled apart by Next) and server.ts write through one stream.
import pino, { type Logger } from "pino";
import { REDACT_PATHS, scrubText } from "./redact";
import { currentRequestId } from "./request-context";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LEVELS)[number];

const key = Symbol.for("fleetdeck.logger");

function levelFromEnv(): LogLevel {
  const wanted = process.env.LOG_LEVEL?.trim().toLowerCase();
  return LEVELS.find((l) => l === wanted) ?? "info";
}

function scrubError(error: Error) {
  const serialized = pino.stdSerializers.err(error);
  serialized.message = scrubText(serialized.message);
  if (serialized.stack) serialized.stack = scrubText(serialized.stack);
  return serialized;
}

/** A logger writing to `destination` (stdout for the process; tests pass a stream of their own). */
export function createLogger(destination: pino.DestinationStream = pino.destination({ dest: 1, sync: true })): Logger {
  return pino(
    {
      level: levelFromEnv(),
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { err: scrubError, error: scrubError },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      hooks: {
        // Messages are text written by us, but they quote upstreams' and libraries' words.
        logMethod(args, method) {
          const scrubbed = args.map((a: unknown) => (typeof a === "string" ? scrubText(a) : a));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

export function logger(): Logger {
  const holder = globalThis as { [key]?: Logger };
  // Synchronous writes: the last lines before an exit are not lost.
  holder[key] ??= createLogger();
  return holder[key];
}

/** A part of the program (`component` on its lines). */
export function componentLogger(component: string): Logger {
  return logger().child({ component });
}

/**
 * For code that takes a `log(message)` callback: each message becomes a line of `component` at
 * `level`.
 */
export function lineLogger(component: string, level: "error" | "warn" | "info" | "debug" = "info") {
  const child = componentLogger(component);
  return (message: string) => child[level](message);
}
