// Usage figures as the upstreams send them: Kubernetes quantities, Docker stats samples on cgroup
// v1 and v2 (cache excluded as `docker stats` does), PodMetrics and NodeMetrics, and the ring's bound.
import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { parseQuantity } from "../../lib/kube/quantity";
import { dockerStatsValues, isRunningSample } from "../../lib/streams/usage/docker-stats-values";
import { nodeUsage, podUsage } from "../../lib/streams/usage/kube-usage-sources";
import { UsageRing } from "../../lib/streams/usage/usage-ring";

const sample = (memory: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  ({
    read: "2026-01-01T00:00:02Z",
    preread: "2026-01-01T00:00:01Z",
    cpu_stats: { cpu_usage: { total_usage: 300_000_000 }, system_cpu_usage: 4_000_000_000, online_cpus: 2 },
    precpu_stats: { cpu_usage: { total_usage: 100_000_000 }, system_cpu_usage: 2_000_000_000, online_cpus: 2 },
    memory_stats: memory,
    ...extra,
  }) as unknown as Docker.ContainerStats;

describe("parseQuantity", () => {
  it.each([
    ["12345n", 0.000012345],
    ["100m", 0.1],
    ["2", 2],
    ["1.5", 1.5],
    ["250u", 0.00025],
    ["64Mi", 64 * 1024 * 1024],
    ["1Gi", 1024 ** 3],
    ["1536Ki", 1536 * 1024],
    ["1G", 1e9],
    ["5k", 5000],
    ["1e3", 1000],
    ["12E", 12e18],
  ])("%s is %d", (text, value) => expect(parseQuantity(text)).toBeCloseTo(value, 12));

  it("refuses what is not a quantity", () => {
    for (const text of ["", "abc", "1Xi", "1.2.3", "--1", undefined, null]) expect(parseQuantity(text)).toBeNull();
  });
});

describe("dockerStatsValues", () => {
  it("computes CPU % of one CPU as docker stats does", () => {
    // 0.2 s of CPU in 2 s of system time on 2 CPUs: 20 %.
    expect(dockerStatsValues(sample({ usage: 1 })).cpuPercent).toBeCloseTo(20);
  });

  it("leaves the page cache out: cgroup v1 total_inactive_file, cgroup v2 inactive_file", () => {
    const v1 = sample({
      usage: 100 * 2 ** 20,
      limit: 512 * 2 ** 20,
      stats: { total_inactive_file: 30 * 2 ** 20, cache: 50 * 2 ** 20 },
    });
    expect(dockerStatsValues(v1)).toMatchObject({ memory: 70 * 2 ** 20, memoryLimit: 512 * 2 ** 20 });
    const v2 = sample({
      usage: 100 * 2 ** 20,
      limit: 2 ** 30,
      stats: { inactive_file: 10 * 2 ** 20, file: 40 * 2 ** 20 },
    });
    expect(dockerStatsValues(v2).memory).toBe(90 * 2 ** 20);
    const oldV1 = sample({ usage: 100, stats: { cache: 40 } });
    expect(dockerStatsValues(oldV1).memory).toBe(60);
  });

  it("sums networks and block I/O, and has no CPU figure on the first sample", () => {
    const values = dockerStatsValues(
      sample(
        { usage: 10 },
        {
          precpu_stats: { cpu_usage: { total_usage: 0 } },
          networks: { eth0: { rx_bytes: 100, tx_bytes: 10 }, eth1: { rx_bytes: 5, tx_bytes: 1 } },
          blkio_stats: {
            io_service_bytes_recursive: [
              { major: 8, minor: 0, op: "Read", value: 4096 },
              { major: 8, minor: 0, op: "Write", value: 8192 },
              { major: 8, minor: 16, op: "read", value: 4096 },
              { major: 8, minor: 0, op: "Total", value: 12288 },
            ],
          },
        },
      ),
    );
    expect(values).toMatchObject({ cpuPercent: null, netRx: 105, netTx: 11, blockRead: 8192, blockWrite: 8192 });
  });

  it("knows the engine's samples of a stopped container", () => {
    expect(isRunningSample(sample({}, { read: "0001-01-01T00:00:00Z" }))).toBe(false);
    expect(isRunningSample(sample({}))).toBe(true);
  });
});

describe("metrics.k8s.io", () => {
  it("sums a pod's containers and puts requests and limits beside their usage", () => {
    const usage = podUsage(
      {
        timestamp: "2026-01-01T00:00:15Z",
        containers: [
          { name: "app", usage: { cpu: "12345678n", memory: "64Mi" } },
          { name: "sidecar", usage: { cpu: "1m", memory: "1024Ki" } },
        ],
      },
      {
        spec: {
          containers: [
            { name: "app", resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } } },
            { name: "sidecar" },
          ],
        },
      },
    );
    expect(usage.t).toBe(Date.parse("2026-01-01T00:00:15Z"));
    expect(usage.v[0]).toBeCloseTo(0.013345678, 9);
    expect(usage.v[1]).toBe(65 * 2 ** 20);
    expect(usage.info).toEqual({
      kind: "pod",
      containers: [
        {
          name: "app",
          usage: { cpu: 0.012345678, memory: 64 * 2 ** 20 },
          requests: { cpu: 0.1, memory: 128 * 2 ** 20 },
          limits: { cpu: null, memory: 256 * 2 ** 20 },
        },
        {
          name: "sidecar",
          usage: { cpu: 0.001, memory: 2 ** 20 },
          requests: { cpu: null, memory: null },
          limits: { cpu: null, memory: null },
        },
      ],
    });
  });

  it("reads a node's usage, capacity and pressure conditions", () => {
    const usage = nodeUsage(
      { timestamp: "2026-01-01T00:00:15Z", usage: { cpu: "1500m", memory: "2Gi" } },
      {
        status: {
          capacity: { cpu: "4", memory: "8Gi" },
          allocatable: { cpu: "3800m", memory: "7Gi" },
          conditions: [
            { type: "Ready", status: "True" },
            { type: "MemoryPressure", status: "True", message: "low memory" },
            { type: "DiskPressure", status: "False" },
          ],
        },
      },
    );
    expect(usage.v).toEqual([1.5, 2 * 2 ** 30]);
    expect(usage.info).toEqual({
      kind: "node",
      capacity: { cpu: 4, memory: 8 * 2 ** 30 },
      allocatable: { cpu: 3.8, memory: 7 * 2 ** 30 },
      pressure: [
        { type: "MemoryPressure", status: "True", message: "low memory" },
        { type: "DiskPressure", status: "False", message: null },
      ],
    });
  });
});

describe("UsageRing", () => {
  it("holds at most its capacity, oldest first, with unknown values as null", () => {
    const ring = new UsageRing(3, 2);
    for (let t = 1; t <= 5; t++) ring.push({ t, v: [t, t % 2 ? null : t * 10] });
    expect(ring.size).toBe(3);
    expect(ring.points()).toEqual([
      { t: 3, v: [3, null] },
      { t: 4, v: [4, 40] },
      { t: 5, v: [5, null] },
    ]);
    expect(ring.lastTime()).toBe(5);
  });
});
