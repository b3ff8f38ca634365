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
