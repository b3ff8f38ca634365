// Recognises "the program does not exist in the image" in what runtimes say (runc through Docker,
// the kubelet's CRI or kwok through the API server), to tell the person in plain words.
const MISSING = /executable file not found|no such file or directory|not found in \$PATH/i;

export function isMissingCommand(upstreamText: string): boolean {
  return MISSING.test(upstreamText);
}

export function missingCommandMessage(command: string[]): string {
  const program = command[0] === "/bin/sh" && command[1] === "-c" ? "/bin/sh" : (command[0] ?? "");
  return `"${program}" does not exist in this container's image: pick another shell or command`;
}
