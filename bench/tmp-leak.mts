import Docker from "dockerode";
import { readTestEnv } from "../scripts/testenv/state";
import { LogHub } from "../lib/streams/log-hub";
import { dockerLogSource } from "../lib/streams/docker-log-source";
const env = readTestEnv();
const docker = new Docker({ socketPath: env.docker[1]!.socketPath });
const c = await docker.createContainer({
  Image: env.testImage,
  Cmd: ["sh", "-c", "sleep 1; while :; do seq 1 20000; sleep 1; done"],
  HostConfig: { NetworkMode: "none" },
});
await c.start();
const hub = new LogHub();
const source = dockerLogSource({ endpointId: "e", docker, containerId: c.id, label: "c" });
let normal = 0,
  slow = 0,
  skipped = 0;
hub.subscribe({ source, tail: 0 }, async (f) => {
  normal += f.lines.length;
});
const mode = process.argv[2] ?? "slow";
if (mode === "slow")
  hub.subscribe({ source, tail: 0 }, async (f) => {
    slow += f.lines.length;
    skipped += f.skipped ?? 0;
    await new Promise((r) => setTimeout(r, 2000));
  });
for (let i = 0; i < 8; i++) {
  await new Promise((r) => setTimeout(r, 5000));
  const m = process.memoryUsage();
  console.log(
    `${mode} t=${(i + 1) * 5}s rss=${(m.rss / 1e6).toFixed(0)} heapTotal=${(m.heapTotal / 1e6).toFixed(0)} heap=${(m.heapUsed / 1e6).toFixed(0)} ext=${(m.external / 1e6).toFixed(0)} normal=${normal} slow=${slow}+${skipped}`,
  );
}
await c.remove({ force: true });
process.exit(0);
