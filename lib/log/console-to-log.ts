// What libraries print with console.* (Next's own error reports, a dependency's warning) becomes a
// log line too: every line on stdout stays JSON, with the request id of the request that printed it.
import { format } from "node:util";
import { componentLogger } from "./logger";

export function routeConsoleToLogger(): void {
  const log = componentLogger("console");
  const to =
    (level: "error" | "warn" | "info" | "debug") =>
    (...args: unknown[]) =>
      log[level](format(...args));
  console.error = to("error");
  console.warn = to("warn");
  console.log = to("info");
  console.info = to("info");
  console.debug = to("debug");
}
