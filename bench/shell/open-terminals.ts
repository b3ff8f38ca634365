// Server memory with many terminals open: `count` shells on one container through the socket API
// (one socket each, as tabs would be), each answered once, then the server's resident memory.
import { processStats } from "../support/proc";
import { dashboardShell, waitFor, type BenchShell } from "./sessions";

export async function rssWithTerminals(options: {
  appUrl: string;
  appPid: number;
  cookie: string;
  endpointId: string;
  containerId: string;
  count: number;
}): Promise<{ rssMb: number; baselineMb: number; shells: BenchShell[] }> {
  const baselineMb = processStats(options.appPid).rssMb;
  const shells: BenchShell[] = [];
  for (let i = 0; i < options.count; i++) {
    const shell = await dashboardShell(options);
    const answered = waitFor(shell, `READY-${i}`);
    shell.type(`echo READY-""${i}\n`);
    await answered;
    shells.push(shell);
  }
  // Let the garbage of opening settle before reading what stays.
  await new Promise((r) => setTimeout(r, 2000));
  return { rssMb: processStats(options.appPid).rssMb, baselineMb, shells };
}
