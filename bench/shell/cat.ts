// Throughput: `cat` of a large text file in the container, timed until a marker printed after it
// arrives (the TTY turns each \n into \r\n, so a few more bytes than the file cross the wire).
import { waitFor, type BenchShell } from "./sessions";

export async function catMegabytesPerSecond(shell: BenchShell, file: string, bytes: number): Promise<number> {
  let received = 0;
  const stop = shell.listen((chunk) => (received += chunk.length));
  const started = performance.now();
  // The marker is split in the typed line, so its echo does not end the wait early.
  const done = waitFor(shell, "CAT-DONE", 300_000);
  shell.type(`cat ${file}; echo CAT-""DONE\n`);
  await done;
  const seconds = (performance.now() - started) / 1000;
  stop();
  if (received < bytes) throw new Error(`only ${received} of ${bytes} bytes arrived`);
  return bytes / 1024 / 1024 / seconds;
}
