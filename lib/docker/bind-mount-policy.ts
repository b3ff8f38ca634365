// Which host paths a container created through the dashboard may mount. A bind mount of the host
// reaches outside the engine's sandbox: by default only named volumes are allowed; an
// administrator may allow host paths per endpoint, and even then never `/`, the dashboard's own
// data directory (its database and key files) or a directory that contains it.
import path from "node:path";
import { config } from "../config";
import type { Endpoint } from "../db/client";
import { endpointSettings } from "../endpoints/settings";
import { badRequest } from "../errors";

const isWithin = (child: string, parent: string) => {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
};

/** Throws a 400 naming the first host path this endpoint may not mount. */
export function checkBindMounts(endpoint: Endpoint, sources: string[]): void {
  const hostPaths = sources.filter((s) => s.startsWith("/"));
  if (hostPaths.length === 0) return;
  if (!endpointSettings(endpoint).allowHostBinds) {
    throw badRequest(
      `host paths cannot be mounted on ${endpoint.name} (${hostPaths[0]}): use a named volume, ` +
        "or ask an administrator to allow host bind mounts in the endpoint's settings",
    );
  }
  const dataDir = config().dataDir;
  for (const source of hostPaths) {
    const resolved = path.resolve(source);
    if (resolved === "/" || isWithin(dataDir, resolved) || isWithin(resolved, dataDir))
      throw badRequest(`${source} cannot be mounted: it is the host's root or holds the dashboard's own data`);
  }
}
