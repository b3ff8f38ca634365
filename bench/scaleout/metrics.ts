// Upstream log streams held by the instances, as their Prometheus endpoint reports them.
import type { AppServer } from "../../tests/support/app-server";

export async function upstreamLogStreams(instances: AppServer[], token: string): Promise<number> {
  let total = 0;
  for (const app of instances) {
    const response = await fetch(`${app.url}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`metrics of ${app.url}: ${response.status}`);
    for (const line of (await response.text()).split("\n"))
      if (line.startsWith("fleetdeck_upstream_streams{") && line.includes('kind="logs"'))
        total += Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return total;
}

/** An instance's memory as Node reports it (MB): heap used and total, external (buffers). */
export async function memoryBreakdown(app: AppServer, token: string): Promise<Record<string, number>> {
  const response = await fetch(`${app.url}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  const read = (name: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${name} `));
    return line ? Math.round(Number(line.slice(name.length + 1)) / 2 ** 20) : -1;
  };
  return {
    heap_used_mb: read("nodejs_heap_size_used_bytes"),
    heap_total_mb: read("nodejs_heap_size_total_bytes"),
    external_mb: read("nodejs_external_memory_bytes"),
  };
}
