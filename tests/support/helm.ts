// The helm binary that scripts/testenv/build-helm.sh builds from the Go module pinned in
// scripts/testenv/helm (into ~/.cache/fleetdeck, or FLEETDECK_CACHE), and a way to run it.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const MODULE_DIR = path.resolve(import.meta.dirname, "../../scripts/testenv/helm");

/** The cached helm binary's path; throws, saying how to build it, when it is missing. */
export function helmBinary(): string {
  const goMod = readFileSync(path.join(MODULE_DIR, "go.mod"), "utf8");
  const version = /^\s*(?:require\s+)?helm\.sh\/helm\/v3\s+(v\S+)/m.exec(goMod)?.[1];
  if (!version) throw new Error(`no helm.sh/helm/v3 version in ${MODULE_DIR}/go.mod`);
  const cache = process.env.FLEETDECK_CACHE ?? path.join(os.homedir(), ".cache", "fleetdeck");
  const binary = path.join(cache, "helm", version, "helm");
  if (!existsSync(binary))
    throw new Error(`helm ${version} is not built (no ${binary}); run: bash scripts/testenv/build-helm.sh`);
  return binary;
}

export interface HelmResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs helm offline with the given arguments (its own empty config and cache directories). */
export function runHelm(args: string[], options: { home: string }): HelmResult {
  const result = spawnSync(helmBinary(), args, {
    encoding: "utf8",
    env: {
      ...process.env,
      HOME: options.home,
      HELM_CONFIG_HOME: path.join(options.home, "config"),
      HELM_CACHE_HOME: path.join(options.home, "cache"),
      HELM_DATA_HOME: path.join(options.home, "data"),
    },
  });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
