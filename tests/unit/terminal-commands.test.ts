// What a terminal runs upstream and how its end is told: the shell choices, a custom command, and
// the API server's final Status as kwok and the kubelet word it.
import { describe, expect, it } from "vitest";
import { terminalEndOf, describeExecRefusal } from "@/lib/streams/terminal/kube-terminal";
import { terminalCommand } from "@/lib/streams/terminal/shell-command";

describe("terminalCommand", () => {
  it("runs a named shell as itself, a command split on blanks, and nothing new to attach", () => {
    expect(terminalCommand({ mode: "shell", shell: "bash" })).toEqual(["bash"]);
    expect(terminalCommand({ mode: "command", command: "  python3   -i " })).toEqual(["python3", "-i"]);
    expect(terminalCommand({ mode: "attach" })).toBeNull();
  });

  it("asks /bin/sh for the first of bash, ash and sh", () => {
    const [sh, flag, script] = terminalCommand({ mode: "shell", shell: "auto" })!;
    expect([sh, flag]).toEqual(["/bin/sh", "-c"]);
    expect(script).toContain("for s in bash ash sh");
  });
});

describe("terminalEndOf", () => {
  const failure = (message: string, causes?: { reason: string; message: string }[]) => ({
    status: "Failure",
    message,
    details: causes ? { causes } : undefined,
  });

  it("reads the exit code (the kubelet's ExitCode cause, or kwok's words)", () => {
    expect(terminalEndOf({ status: "Success" }, ["sh"])).toEqual({ exitCode: 0, message: null });
    expect(
      terminalEndOf(failure("command terminated with non-zero exit code", [{ reason: "ExitCode", message: "3" }]), [
        "sh",
      ]),
    ).toEqual({ exitCode: 3, message: null });
    expect(
      terminalEndOf(failure("error executing command in container: cmd wait: sh : exit status 4"), ["sh"]),
    ).toEqual({ exitCode: 4, message: null });
  });

  it("tells a command missing from the image in plain words", () => {
    const kwok = failure(
      'Internal error occurred: error executing command in container: cmd start: zsh : exec: "zsh": executable file not found in $PATH',
    );
    expect(terminalEndOf(kwok, ["zsh"]).message).toBe(
      '"zsh" does not exist in this container\'s image: pick another shell or command',
    );
  });

  it("says an attached view without a Status was detached", () => {
    expect(terminalEndOf(null, null)).toEqual({ exitCode: null, message: "detached" });
    expect(terminalEndOf(null, ["sh"])).toEqual({ exitCode: null, message: null });
  });

  it("words a refused session by its status", () => {
    expect(describeExecRefusal({ message: "Unexpected server response: 403" })).toContain("may not create pods/exec");
  });
});
