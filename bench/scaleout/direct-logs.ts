// The floor: the container's log stream read straight from the engine (follow, timestamps), each
// line's delay from the engine's timestamp to its arrival here.
import type Docker from "dockerode";

export function directLogDelays(docker: Docker, containerId: string): { stop(): number[] } {
  const delays: number[] = [];
  let stream: NodeJS.ReadableStream | undefined;
  let pending = "";
  void docker
    .getContainer(containerId)
    .logs({ follow: true, stdout: true, stderr: true, timestamps: true, since: Math.floor(Date.now() / 1000) })
    .then((s) => {
      stream = s;
      s.on("data", (chunk: Buffer) => {
        const now = Date.now();
        // Frames of the multiplexed stream: 8-byte header, then the payload.
        let data = chunk;
        while (data.length >= 8) {
          const size = data.readUInt32BE(4);
          pending += data.subarray(8, 8 + size).toString("utf8");
          data = data.subarray(8 + size);
        }
        let newline;
        while ((newline = pending.indexOf("\n")) >= 0) {
          const line = pending.slice(0, newline);
          pending = pending.slice(newline + 1);
          const ts = Date.parse(line.slice(0, line.indexOf(" ")));
          if (Number.isFinite(ts)) delays.push(now - ts);
        }
      });
    });
  return {
    stop() {
      (stream as { destroy?: () => void } | undefined)?.destroy?.();
      return delays;
    },
  };
}
