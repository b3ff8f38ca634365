// Which engine events count as warnings on the fleet card.
import { describe, expect, it } from "vitest";
import { countWarnings } from "@/lib/docker/recent-warnings";

const at = (seconds: number) => seconds * 1e9;
const die = (id: string, exitCode: string, seconds: number) => ({
  Action: "die",
  Actor: { ID: id, Attributes: { exitCode } },
  timeNano: at(seconds),
});

describe("countWarnings", () => {
  it("counts failing exits nobody asked for, out-of-memory kills and unhealthy turns", () => {
    expect(
      countWarnings([
        die("a", "3", 10),
        { Action: "oom", Actor: { ID: "b" }, timeNano: at(11) },
        { Action: "health_status: unhealthy", Actor: { ID: "c" }, timeNano: at(12) },
      ]),
    ).toBe(3);
  });

  it("leaves out clean exits, answers to stop or kill, and healthy turns", () => {
    expect(
      countWarnings([
        die("a", "0", 10),
        { Action: "kill", Actor: { ID: "b" }, timeNano: at(20) },
        die("b", "137", 21),
        { Action: "health_status: healthy", Actor: { ID: "c" }, timeNano: at(22) },
      ]),
    ).toBe(0);
  });

  it("counts a failing exit long after an earlier stop request", () => {
    expect(countWarnings([{ Action: "stop", Actor: { ID: "a" }, timeNano: at(0) }, die("a", "1", 600)])).toBe(1);
  });
});
