// `npm run testenv -- up|down|status`: real servers for tests, benchmarks and development.
// Idempotent; writes a JSON description to $TESTENV_DIR/state.json and prints it.
// `up --kube-only` starts only the Kubernetes clusters (a second environment beside a running one,
// with its own TESTENV_DIR, for trying changes to them).
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startDockerEngine } from "./docker-engines";
import { startKubeCluster } from "./kube-cluster";
import { startSshServer } from "./ssh-server";
import { alive, stopPid } from "./processes";
import { startRegistry } from "./registry";
import { readTestEnv, STATE_FILE, TESTENV_DIR, type TestEnvState } from "./state";
import { buildRootfs, importTestImage, TEST_IMAGE } from "./test-image";
import { makeTlsFiles } from "./tls-certs";

const log = (message: string) => console.error(`[testenv] ${message}`);

function healthy(): TestEnvState | null {
  if (!existsSync(STATE_FILE)) return null;
  const state = readTestEnv();
  return state.pids.every(alive) ? state : null;
}

async function up(kubeOnly: boolean): Promise<TestEnvState> {
  const running = healthy();
  if (running) {
    log("already up");
    return running;
  }
  await down();
  const started = Date.now();
  mkdirSync(TESTENV_DIR, { recursive: true });
  const pids: number[] = [];
  const partial: TestEnvState = {
    startedAt: new Date().toISOString(),
    dir: TESTENV_DIR,
    docker: [],
    testImage: TEST_IMAGE,
    kubernetes: [],
    pids,
  };
  // Recorded as we go, so `down` can stop whatever started even if a later step fails.
  const save = () => writeFileSync(STATE_FILE, JSON.stringify(partial, null, 2));
  try {
    if (kubeOnly) await startKubernetes(partial, save);
    else await startAll(partial, save);
  } catch (error) {
    save();
    throw error;
  }
  log(`up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return partial;
}

async function startKubernetes(partial: TestEnvState, save: () => void): Promise<void> {
  // Built once per version into ~/.cache (about 10 minutes cold); a warm run just prints the path.
  const bin = execSync(path.join(import.meta.dirname, "build-k8s.sh"), {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  const clusters = await Promise.all(
    // The first cluster serves metrics.k8s.io; the second has no metrics API, as many clusters do.
    ["cluster1", "cluster2"].map((name, i) =>
      startKubeCluster({ dir: TESTENV_DIR, name, bin, pids: partial.pids, metrics: i === 0 }),
    ),
  );
  for (const cluster of clusters) log(`Kubernetes ${cluster.version} at ${cluster.server}`);
  partial.kubernetes.push(...clusters);
  save();
}

async function startAll(partial: TestEnvState, save: () => void): Promise<void> {
  const pids = partial.pids;
  const tls = makeTlsFiles(path.join(TESTENV_DIR, "tls"));
  const [engine1, engine2] = await Promise.all([
    startDockerEngine({ dir: TESTENV_DIR, name: "engine1", tls, pids }),
    startDockerEngine({ dir: TESTENV_DIR, name: "engine2", pids }),
  ]);
  partial.docker.push(engine1, engine2);
  save();
  await startKubernetes(partial, save);
  partial.ssh = await startSshServer({ dir: TESTENV_DIR, dockerSocket: engine1.socketPath, pids });
  save();
  const rootfs = buildRootfs(TESTENV_DIR);
  for (const engine of partial.docker) importTestImage(engine.socketPath, rootfs);
  log(`test image ${TEST_IMAGE} in both engines`);
  const [registry, authRegistry] = await Promise.all([
    startRegistry({ dir: TESTENV_DIR, name: "registry", pids }),
    startRegistry({
      dir: TESTENV_DIR,
      name: "auth-registry",
      auth: { username: "tester", password: randomBytes(12).toString("hex") },
      pids,
    }),
  ]);
  partial.registry = registry;
  partial.authRegistry = authRegistry;
  save();
  partial.registryImage = `${registry.url}/${TEST_IMAGE}`;
  // A layer of its own (not shared with the local test image), so pulling it downloads for real.
  writeFileSync(path.join(rootfs, "etc/registry-image"), `pushed ${new Date().toISOString()}\n`);
  importTestImage(engine1.socketPath, rootfs, partial.registryImage);
  const docker = `docker -H unix://${engine1.socketPath}`;
  const authImage = `${authRegistry.url}/${TEST_IMAGE}`;
  // The CLI's own login, in a throwaway config dir, only to seed the registry.
  const cliConfig = path.join(TESTENV_DIR, "docker-cli");
  execSync(
    [
      `${docker} push ${partial.registryImage}`,
      `${docker} tag ${partial.registryImage} ${authImage}`,
      `echo "$REG_PASSWORD" | ${docker} --config ${cliConfig} login -u tester --password-stdin ${authRegistry.url}`,
      `${docker} --config ${cliConfig} push ${authImage}`,
      `${docker} rmi ${partial.registryImage} ${authImage}`,
    ].join(" && "),
    { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, REG_PASSWORD: authRegistry.auth!.password } },
  );
  log(`pushed ${partial.registryImage}`);
  save();
}

async function down(): Promise<void> {
  if (existsSync(STATE_FILE)) {
    const state = readTestEnv();
    // Containers first, so the engines stop quickly and leave no mounts behind.
    for (const engine of state.docker) {
      try {
        execSync(
          `docker -H unix://${engine.socketPath} ps -aq | xargs -r docker -H unix://${engine.socketPath} rm -f`,
          { stdio: "ignore", timeout: 30_000 },
        );
      } catch {
        /* engine already gone */
      }
    }
    await Promise.all(state.pids.map((pid) => stopPid(pid, 15_000)));
  }
  if (existsSync(TESTENV_DIR)) {
    // Engines may leave mounts under their data roots.
    try {
      execSync(`grep -o ' ${TESTENV_DIR}[^ ]*' /proc/mounts | sort -r | xargs -r -n1 umount -l`, { stdio: "ignore" });
    } catch {
      /* nothing mounted */
    }
    rmSync(TESTENV_DIR, { recursive: true, force: true });
  }
}

const command = process.argv[2] ?? "status";
try {
  if (command === "up") console.log(JSON.stringify(await up(process.argv.includes("--kube-only")), null, 2));
  else if (command === "down") {
    await down();
    log("down");
  } else if (command === "emit") {
    // emit ENGINE(1|2) RATE COUNT KIND: a container printing lines at a chosen rate.
    const [engine = "1", rate = "10", count = "0", kind = "mixed"] = process.argv.slice(3);
    const socket = readTestEnv().docker[Number(engine) - 1]?.socketPath;
    if (!socket) throw new Error(`no engine ${engine}`);
    const args = [rate, count, kind].map((a) => a.replace(/[^a-z0-9.]/gi, "")).join(" ");
    console.log(
      execSync(`docker -H unix://${socket} run -d --network none ${TEST_IMAGE} emit-lines ${args}`, {
        encoding: "utf8",
      }).trim(),
    );
  } else if (command === "status") {
    const state = healthy();
    console.log(state ? JSON.stringify(state, null, 2) : "down");
    process.exitCode = state ? 0 : 1;
  } else {
    console.error("usage: npm run testenv -- up [--kube-only]|down|status|emit ENGINE RATE COUNT KIND");
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`[testenv] ${command} failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
