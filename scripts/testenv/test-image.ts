// The test image, built without any registry: Debian's busybox-static in an otherwise empty
// filesystem (what `FROM scratch` + `busybox --install` gives), plus the emit-lines script.
import { execFileSync, execSync } from "node:child_process";
import { copyFileSync, chmodSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";

export const TEST_IMAGE = "dashboard-test/busybox:1";

export function buildRootfs(dir: string): string {
  const root = path.join(dir, "rootfs");
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, "bin"), { recursive: true });
  copyFileSync("/bin/busybox", path.join(root, "bin/busybox"));
  chmodSync(path.join(root, "bin/busybox"), 0o755);
  const applets = execFileSync("/bin/busybox", ["--list-full"], { encoding: "utf8" }).split("\n").filter(Boolean);
  for (const applet of applets) {
    const target = path.join(root, applet);
    if (applet === "bin/busybox") continue;
    mkdirSync(path.dirname(target), { recursive: true });
    symlinkSync("/bin/busybox", target);
  }
  for (const d of ["tmp", "etc", "proc", "sys", "dev", "usr/local/bin"])
    mkdirSync(path.join(root, d), { recursive: true });
  copyFileSync(path.join(import.meta.dirname, "emit-lines.sh"), path.join(root, "usr/local/bin/emit-lines"));
  chmodSync(path.join(root, "usr/local/bin/emit-lines"), 0o755);
  return root;
}

export function importTestImage(socketPath: string, rootfs: string, tag = TEST_IMAGE): void {
  execSync(`tar -C ${rootfs} -c . | docker -H unix://${socketPath} import --change 'CMD ["sh"]' - ${tag}`, {
    stdio: ["ignore", "ignore", "pipe"],
    shell: "/bin/sh",
  });
}
