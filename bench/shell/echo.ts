// Keystroke echo: one character typed, the time until the TTY echoes it back; many times over, on
// the dashboard's terminal and on a direct `docker exec` (the floor).
import { percentile } from "../support/proc";
import type { BenchShell } from "./sessions";

export async function echoRoundTrips(shell: BenchShell, count: number): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const key = String.fromCharCode(97 + (i % 26));
    const sent = performance.now();
    await new Promise<void>((resolve) => {
      const stop = shell.listen((chunk) => {
        if (!chunk.includes(key)) return;
        stop();
        resolve();
      });
      shell.type(key);
    });
    times.push(performance.now() - sent);
    // Keep the line short: Ctrl-U clears it every 50 keys.
    if (i % 50 === 49) shell.type("\x15");
  }
  shell.type("\x15");
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}
