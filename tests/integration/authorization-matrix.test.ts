// The authorization matrix: every REST route (found from the files under app/api) and every socket
// event (from the event registry), called by every kind of caller — anonymous, an expired session,
// an ended session, a disabled user, each role on another endpoint, each role on the right one, an
// administrator of one namespace inside and outside it, a read-only token, an administrator. What
// each may do is data below (`NEEDS`, per route and per expanded parameter); the test fails on a
// route or event the table does not name. Refused calls must change nothing (the engine, the API
// server and the database are compared before and after, read directly) and leave a DENIED audit
// row; allowed calls are sent at harmless targets (missing names, dry runs) so they prove the gate
// opens without changing the fixtures.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { AppsV1Api, BatchV1Api } from "@kubernetes/client-node";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CONTAINER_ACTION_PERMISSIONS } from "../../lib/docker/container-action-permissions";
import { DOCKER_RESOURCES } from "../../lib/docker/kinds/registry";
import { KUBE_ACTION_PERMISSIONS } from "../../lib/kube/kinds/kind";
import { ROLE_RANK, type EndpointRole } from "../../lib/rbac/actions";
import { CLIENT_EVENT_SCHEMAS } from "../../lib/realtime/event-schemas";
import { ApiClient } from "../support/api-client";
import { testEngine } from "../support/engine";
import { ADMIN } from "../support/integration-setup";
import { clusterAdminApi } from "../support/kube-endpoint";
import { adminTarget } from "../support/kube-target";
import { matrixPersonas, type MatrixEndpoints, type Persona } from "../support/personas";
import { testDb } from "../support/seed";

// ---------------------------------------------------------------------------------------------
// Who may do what: the least a caller needs, and where.
// ---------------------------------------------------------------------------------------------

type Need =
  /** Anyone, signed in or not. */
  | "public"
  /** Any valid session or token. */
  | "signed-in"
  /** A signed-in browser session (the account itself is not managed with a token). */
  | "browser"
  /** A global administrator. */
  | "admin"
  /** An administrator, or an endpoint administrator of any endpoint (the audit log, scoped). */
  | "audit"
  /** Any grant on the endpoint (it is visible). */
  | "visible"
  | EndpointRole;

/** Docker endpoint; Kubernetes object in a namespace (tried inside and outside the limited one); cluster-wide. */
type Where = "none" | "docker" | "kube-ns" | "kube-cluster";

interface Request {
  method: string;
  path: string;
  body?: unknown;
}

interface Case {
  /** "METHOD /api/…/[param]" as the route file is named, plus the expanded parameter if any. */
  route: string;
  variant?: string;
  need: Need;
  where: Where;
  /** `refused`: at the real fixtures (a broken gate would change them); `allowed`: at a harmless target. */
  request(mode: "refused" | "allowed", ns: string): Request | Promise<Request>;
}

const run = Date.now().toString(36);
// Namespaces of this run (a previous run's may still be terminating).
const IN = `matrix-in-${run}`;
const OUT = `matrix-out-${run}`;
const MISSING = "matrix-missing";

const engine = testEngine(0);
const { core, kc } = clusterAdminApi(0);
const apps = kc.makeApiClient(AppsV1Api);
const batch = kc.makeApiClient(BatchV1Api);
const admin = new ApiClient(inject("appUrl"));

const ids = {
  docker: "",
  kube: "",
  other: "",
  container: "",
  image: "",
  node: "",
  victim: "",
  team: "",
  grant: "",
  tokenId: "",
  adminSession: "",
};
const names = {
  volume: `matrix-vol-${run}`,
  network: `matrix-net-${run}`,
  imageTag: `matrix-img:${run}`,
};
let counter = 0;
const unique = (prefix: string) => `${prefix}-${run}-${counter++}`;
const made = { volumes: [] as string[], networks: [] as string[], endpoints: [] as string[] };

const ep = (where: "docker" | "kube") => `/api/endpoints/${where === "docker" ? ids.docker : ids.kube}`;
const configMapYaml = (ns: string, value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: matrix-cm\n  namespace: ${ns}\ndata:\n  value: ${value}\n`;

function registryImage(): string {
  const image = engine.env.registryImage;
  if (!image) throw new Error("the test environment has no registry image");
  return image;
}

const same = (request: Request) => () => request;
const get = (path: string) => () => ({ method: "GET", path });

function cases(): Case[] {
  const list: Case[] = [
    // --- public
    { route: "GET /api/health", need: "public", where: "none", request: get("/api/health") },
    { route: "GET /api/ready", need: "public", where: "none", request: get("/api/ready") },
    // Behind its own METRICS_TOKEN, not a session (off — 404 — on the shared test server; the token's
    // 401 and 200 are in observability.test.ts): no caller's session or API token opens it.
    { route: "GET /api/metrics", need: "public", where: "none", request: get("/api/metrics") },
    { route: "GET /api/auth/[...nextauth]", need: "public", where: "none", request: get("/api/auth/csrf") },
    // Without its CSRF token a sign-out is turned away (to the sign-out page) and ends nothing.
    {
      route: "POST /api/auth/[...nextauth]",
      need: "public",
      where: "none",
      request: same({ method: "POST", path: "/api/auth/signout", body: {} }),
    },
    { route: "GET /api/openapi.json", need: "public", where: "none", request: get("/api/openapi.json") },
    { route: "GET /api/setup", need: "public", where: "none", request: get("/api/setup") },
    {
      route: "POST /api/setup",
      need: "public",
      where: "none",
      // Set-up is over: refused for everyone with 409, and no second administrator appears.
      request: same({
        method: "POST",
        path: "/api/setup",
        body: { email: "matrix-setup@example.test", name: "x", password: "a long enough password 1" },
      }),
    },
    {
      route: "GET /api/invitations/[token]",
      need: "public",
      where: "none",
      request: get(`/api/invitations/${MISSING}`),
    },
    {
      route: "POST /api/invitations/[token]",
      need: "public",
      where: "none",
      request: same({
        method: "POST",
        path: `/api/invitations/${MISSING}`,
        body: { password: "a long enough password 1" },
      }),
    },

    // --- any signed-in caller
    { route: "GET /api/endpoints", need: "signed-in", where: "none", request: get("/api/endpoints") },
    { route: "GET /api/search", need: "signed-in", where: "none", request: get("/api/search?q=matrix") },

    // --- the person's own account: a browser session only
    {
      route: "POST /api/account/password",
      need: "browser",
      where: "none",
      // Allowed: the right current password and the same one again (refused after every check).
      request: (mode) => ({
        method: "POST",
        path: "/api/account/password",
        body: {
          currentPassword: "a long enough password",
          newPassword: mode === "refused" ? "a brand new password 42" : "a long enough password",
        },
      }),
    },
    { route: "GET /api/account/sessions", need: "browser", where: "none", request: get("/api/account/sessions") },
    {
      route: "DELETE /api/account/sessions",
      need: "browser",
      where: "none",
      request: same({ method: "DELETE", path: "/api/account/sessions?scope=others" }),
    },
    {
      route: "DELETE /api/account/sessions/[sessionId]",
      need: "browser",
      where: "none",
      request: same({ method: "DELETE", path: `/api/account/sessions/${MISSING}` }),
    },
    { route: "GET /api/account/tokens", need: "browser", where: "none", request: get("/api/account/tokens") },
    {
      route: "POST /api/account/tokens",
      need: "browser",
      where: "none",
      request: () => ({ method: "POST", path: "/api/account/tokens", body: { name: unique("matrix") } }),
    },
    {
      route: "DELETE /api/account/tokens/[tokenId]",
      need: "browser",
      where: "none",
      request: (mode) => ({
        method: "DELETE",
        path: `/api/account/tokens/${mode === "refused" ? ids.tokenId : MISSING}`,
      }),
    },

    // --- administration
    { route: "GET /api/admin/users", need: "admin", where: "none", request: get("/api/admin/users") },
    {
      route: "POST /api/admin/users",
      need: "admin",
      where: "none",
      request: (mode) => ({
        method: "POST",
        path: "/api/admin/users",
        body: {
          email: mode === "refused" ? `matrix-intruder-${run}@example.test` : `${unique("matrix-made")}@example.test`,
          name: "x",
          isAdmin: mode === "refused",
          password: "a long enough password 1",
        },
      }),
    },
    {
      route: "GET /api/admin/users/[userId]",
      need: "admin",
      where: "none",
      request: () => get(`/api/admin/users/${ids.victim}`)(),
    },
    {
      route: "PATCH /api/admin/users/[userId]",
      need: "admin",
      where: "none",
      request: (mode) => ({
        method: "PATCH",
        path: `/api/admin/users/${mode === "refused" ? ids.victim : MISSING}`,
        body: { isAdmin: true, name: "taken over" },
      }),
    },
    {
      route: "DELETE /api/admin/users/[userId]",
      need: "admin",
      where: "none",
      request: (mode) => ({ method: "DELETE", path: `/api/admin/users/${mode === "refused" ? ids.victim : MISSING}` }),
    },
    {
      route: "POST /api/admin/users/[userId]/invitation",
      need: "admin",
      where: "none",
      request: (mode) => ({
        method: "POST",
        path: `/api/admin/users/${mode === "refused" ? ids.victim : MISSING}/invitation`,
      }),
    },
    {
      route: "PUT /api/admin/users/[userId]/password",
      need: "admin",
      where: "none",
      request: (mode) => ({
        method: "PUT",
        path: `/api/admin/users/${mode === "refused" ? ids.victim : MISSING}/password`,
        body: { password: "a password of mine 77" },
      }),
    },
    {
      route: "GET /api/admin/users/[userId]/sessions",
      need: "admin",
      where: "none",
      request: () => get(`/api/admin/users/${ids.victim}/sessions`)(),
    },
    {
      route: "DELETE /api/admin/users/[userId]/sessions",
      need: "admin",
      where: "none",
      request: (mode) => ({
        method: "DELETE",
        path: `/api/admin/users/${mode === "refused" ? ids.victim : MISSING}/sessions`,
      }),
    },
    { route: "GET /api/admin/teams", need: "admin", where: "none", request: get("/api/admin/teams") },
    {
      route: "POST /api/admin/teams",
      need: "admin",
      where: "none",
      request: (mode) => ({
        method: "POST",
        path: "/api/admin/teams",
        body: { name: mode === "refused" ? `matrix-intruders-${run}` : unique("matrix-team") },
      }),
    },
    {
      route: "GET /api/admin/teams/[teamId]",
      need: "admin",
      where: "none",
      request: () => get(`/api/admin/teams/${ids.team}`)(),
    },
    {
      route: "PATCH /api/admin/teams/[teamId]",
      need: "admin",
      where: "none",
      request: (mode) => ({
        method: "PATCH",
        path: `/api/admin/teams/${mode === "refused" ? ids.team : MISSING}`,
        body: { name: "renamed by someone" },
      }),
    },
    {
      route: "DELETE /api/admin/teams/[teamId]",
      need: "admin",
      where: "none",
      request: (mode) => ({ method: "DELETE", path: `/api/admin/teams/${mode === "refused" ? ids.team : MISSING}` }),
    },
    {
      route: "PUT /api/admin/teams/[teamId]/members",
      need: "admin",
      where: "none",
      request: (mode) => ({
        method: "PUT",
        path: `/api/admin/teams/${mode === "refused" ? ids.team : MISSING}/members`,
        body: { userId: ids.victim, leader: true },
      }),
    },
    {
      route: "DELETE /api/admin/teams/[teamId]/members/[userId]",
      need: "admin",
      where: "none",
      request: (mode) => ({
        method: "DELETE",
        path: `/api/admin/teams/${mode === "refused" ? ids.team : MISSING}/members/${ids.victim}`,
      }),
    },
    {
      route: "GET /api/admin/grants",
      need: "admin",
      where: "none",
      request: () => get(`/api/admin/grants?userId=${ids.victim}`)(),
    },
    {
      route: "POST /api/admin/grants",
      need: "admin",
      where: "none",
      request: (mode) => ({
        method: "POST",
        path: "/api/admin/grants",
        body: { userId: mode === "refused" ? ids.victim : MISSING, allEndpoints: true, role: "ENDPOINT_ADMIN" },
      }),
    },
    {
      route: "DELETE /api/admin/grants/[grantId]",
      need: "admin",
      where: "none",
      request: (mode) => ({ method: "DELETE", path: `/api/admin/grants/${mode === "refused" ? ids.grant : MISSING}` }),
    },

    // --- the audit log: administrators, and endpoint administrators for their endpoints
    { route: "GET /api/audit", need: "audit", where: "none", request: get("/api/audit") },
    {
      route: "GET /api/audit/export",
      need: "audit",
      where: "none",
      request: get("/api/audit/export?format=csv&q=matrix"),
    },

    // --- endpoints
    {
      route: "POST /api/endpoints",
      need: "admin",
      where: "none",
      request: (mode) => {
        const name = mode === "refused" ? `matrix-intruder-${run}` : unique("matrix-made");
        return {
          method: "POST",
          path: "/api/endpoints",
          body: {
            name,
            connection: { kind: "docker", transport: "socket", socketPath: engine.env.docker[0]!.socketPath },
          },
        };
      },
    },
    { route: "GET /api/endpoints/[id]", need: "VIEWER", where: "docker", request: () => get(ep("docker"))() },
    {
      route: "PATCH /api/endpoints/[id]",
      need: "admin",
      where: "docker",
      // Allowed: the name it already has.
      request: (mode) => ({
        method: "PATCH",
        path: ep("docker"),
        body: { name: mode === "refused" ? `matrix-renamed-${run}` : `matrix-docker-${run}` },
      }),
    },
    {
      route: "DELETE /api/endpoints/[id]",
      need: "admin",
      where: "docker",
      request: async (mode) => ({
        method: "DELETE",
        path: mode === "refused" ? ep("docker") : `/api/endpoints/${await throwawayEndpoint()}`,
      }),
    },
    {
      route: "POST /api/endpoints/[id]/test",
      need: "VIEWER",
      where: "docker",
      request: () => ({ method: "POST", path: `${ep("docker")}/test` }),
    },
    {
      route: "POST /api/endpoints/test",
      need: "admin",
      where: "none",
      request: same({
        method: "POST",
        path: "/api/endpoints/test",
        body: { connection: { kind: "docker", transport: "socket", socketPath: "/nonexistent/docker.sock" } },
      }),
    },
    {
      route: "POST /api/kubeconfig/contexts",
      need: "admin",
      where: "none",
      request: same({
        method: "POST",
        path: "/api/kubeconfig/contexts",
        body: { kubeconfig: "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n" },
      }),
    },
    { route: "GET /api/setup/discover", need: "admin", where: "none", request: get("/api/setup/discover") },
    {
      route: "POST /api/setup/import",
      need: "admin",
      where: "none",
      request: (mode) => ({
        method: "POST",
        path: "/api/setup/import",
        body: { docker: mode === "refused", kubeContexts: [] },
      }),
    },

    // --- Docker
    {
      route: "GET /api/endpoints/[id]/docker/containers",
      need: "VIEWER",
      where: "docker",
      request: () => get(`${ep("docker")}/docker/containers`)(),
    },
    {
      route: "POST /api/endpoints/[id]/docker/containers",
      need: "ENDPOINT_ADMIN",
      where: "docker",
      request: (mode) => ({
        method: "POST",
        path: `${ep("docker")}/docker/containers`,
        body: {
          image: mode === "refused" ? engine.env.testImage : `${MISSING}:none`,
          name: unique("matrix-made"),
          command: ["sleep", "60"],
          start: false,
          labels: { "fleetdeck.matrix": run },
        },
      }),
    },
    {
      route: "GET /api/endpoints/[id]/docker/containers/[cid]",
      need: "VIEWER",
      where: "docker",
      request: () => get(`${ep("docker")}/docker/containers/${ids.container}`)(),
    },
    {
      route: "GET /api/endpoints/[id]/docker/info",
      need: "VIEWER",
      where: "docker",
      request: () => get(`${ep("docker")}/docker/info`)(),
    },
    {
      route: "GET /api/endpoints/[id]/docker/images/[iid]/history",
      need: "VIEWER",
      where: "docker",
      request: () => get(`${ep("docker")}/docker/images/${ids.image}/history`)(),
    },
    {
      route: "POST /api/endpoints/[id]/docker/images/pull",
      need: "ENDPOINT_ADMIN",
      where: "docker",
      request: (mode) => ({
        method: "POST",
        path: `${ep("docker")}/docker/images/pull`,
        body: {
          image: mode === "refused" ? registryImage() : `${registryImage().split("/")[0]}/${MISSING}/none:1`,
        },
      }),
    },
    {
      route: "POST /api/endpoints/[id]/docker/stacks",
      need: "ENDPOINT_ADMIN",
      where: "docker",
      // Allowed: a compose file the handler refuses (after the permission check).
      request: (mode) => ({
        method: "POST",
        path: `${ep("docker")}/docker/stacks`,
        body: {
          project: `matrix-stack-${run}`,
          compose:
            mode === "refused"
              ? `services:\n  box:\n    image: ${engine.env.testImage}\n    command: ["sleep", "60"]\n`
              : "services: [not, a, map]\n",
        },
      }),
    },
    {
      route: "GET /api/endpoints/[id]/logs",
      variant: "container",
      need: "VIEWER",
      where: "docker",
      request: () => get(`${ep("docker")}/logs?container=${ids.container}&tail=5`)(),
    },
    {
      route: "GET /api/endpoints/[id]/logs",
      variant: "pod",
      need: "VIEWER",
      where: "kube-ns",
      request: (_mode, ns) => get(`${ep("kube")}/logs?namespace=${ns}&pod=matrix-pod&tail=5`)(),
    },
    {
      route: "GET /api/endpoints/[id]/logs/pods",
      need: "visible",
      where: "kube-cluster",
      request: () => get(`${ep("kube")}/logs/pods`)(),
    },
    {
      route: "GET /api/endpoints/[id]/logs/workloads",
      need: "visible",
      where: "kube-cluster",
      request: () => get(`${ep("kube")}/logs/workloads`)(),
    },

    // --- Kubernetes
    {
      route: "GET /api/endpoints/[id]/kube/[resource]",
      variant: "configmaps",
      need: "VIEWER",
      where: "kube-ns",
      request: (_m, ns) => get(`${ep("kube")}/kube/configmaps?namespace=${ns}`)(),
    },
    {
      route: "GET /api/endpoints/[id]/kube/[resource]",
      variant: "nodes",
      need: "VIEWER",
      where: "kube-cluster",
      request: () => get(`${ep("kube")}/kube/nodes`)(),
    },
    {
      route: "GET /api/endpoints/[id]/kube/[resource]/[name]",
      variant: "configmaps",
      need: "VIEWER",
      where: "kube-ns",
      request: (_m, ns) => get(`${ep("kube")}/kube/configmaps/matrix-cm?namespace=${ns}`)(),
    },
    {
      route: "GET /api/endpoints/[id]/kube/[resource]/[name]",
      variant: "secrets",
      need: "VIEWER",
      where: "kube-ns",
      request: (_m, ns) => get(`${ep("kube")}/kube/secrets/matrix-secret?namespace=${ns}`)(),
    },
    {
      route: "GET /api/endpoints/[id]/kube/[resource]/[name]",
      variant: "nodes",
      need: "VIEWER",
      where: "kube-cluster",
      request: () => get(`${ep("kube")}/kube/nodes/${ids.node}`)(),
    },
    // A cluster-wide object named with the namespace the caller is limited to: still cluster-wide.
    {
      route: "GET /api/endpoints/[id]/kube/[resource]/[name]",
      variant: "nodes in a namespace",
      need: "VIEWER",
      where: "kube-cluster",
      request: () => get(`${ep("kube")}/kube/nodes/${ids.node}?namespace=${IN}`)(),
    },
    {
      route: "DELETE /api/endpoints/[id]/kube/[resource]/[name]",
      variant: "configmaps",
      need: "ENDPOINT_ADMIN",
      where: "kube-ns",
      request: (mode, ns) => ({
        method: "DELETE",
        path: `${ep("kube")}/kube/configmaps/${mode === "refused" ? "matrix-cm" : MISSING}?namespace=${ns}`,
      }),
    },
    {
      route: "DELETE /api/endpoints/[id]/kube/[resource]/[name]",
      variant: "nodes in a namespace",
      need: "ENDPOINT_ADMIN",
      where: "kube-cluster",
      request: (mode) => ({
        method: "DELETE",
        path: `${ep("kube")}/kube/nodes/${mode === "refused" ? ids.node : MISSING}?namespace=${IN}`,
      }),
    },
    {
      route: "POST /api/endpoints/[id]/kube/[resource]/[name]/drain",
      need: "OPERATOR",
      where: "kube-cluster",
      request: (mode) => ({
        method: "POST",
        path: `${ep("kube")}/kube/nodes/${mode === "refused" ? ids.node : MISSING}/drain`,
        body: { timeoutSeconds: 5 },
      }),
    },
    {
      route: "GET /api/endpoints/[id]/kube/[resource]/[name]/revisions",
      need: "VIEWER",
      where: "kube-ns",
      request: (_m, ns) => get(`${ep("kube")}/kube/deployments.apps/matrix-web/revisions?namespace=${ns}`)(),
    },
    {
      route: "POST /api/endpoints/[id]/kube/apply",
      need: "ENDPOINT_ADMIN",
      where: "kube-ns",
      request: (mode, ns) => ({
        method: "POST",
        path: `${ep("kube")}/kube/apply`,
        body: { yaml: configMapYaml(ns, "changed"), dryRun: mode === "allowed" },
      }),
    },
  ];

  // Every Docker kind: list, create, remove, prune.
  for (const resource of DOCKER_RESOURCES) {
    const real = { images: names.imageTag, volumes: names.volume, networks: names.network }[resource];
    list.push(
      {
        route: "GET /api/endpoints/[id]/docker/[resource]",
        variant: resource,
        need: "VIEWER",
        where: "docker",
        request: () => get(`${ep("docker")}/docker/${resource}`)(),
      },
      {
        route: "DELETE /api/endpoints/[id]/docker/[resource]/[name]",
        variant: resource,
        need: "ENDPOINT_ADMIN",
        where: "docker",
        request: (mode) => ({
          method: "DELETE",
          path: `${ep("docker")}/docker/${resource}/${mode === "refused" ? encodeURIComponent(real) : MISSING}?force=true`,
        }),
      },
      {
        route: "POST /api/endpoints/[id]/docker/[resource]/prune",
        variant: resource,
        need: "ENDPOINT_ADMIN",
        where: "docker",
        // Allowed: the same call on the Kubernetes endpoint passes the permission check (held on both)
        // and is then refused as the wrong kind of endpoint — a real prune would empty the shared engine.
        request: (mode) => ({
          method: "POST",
          path: `${ep(mode === "refused" ? "docker" : "kube")}/docker/${resource}/prune`,
        }),
      },
    );
    if (resource !== "images")
      list.push({
        route: "POST /api/endpoints/[id]/docker/[resource]",
        variant: resource,
        need: "ENDPOINT_ADMIN",
        where: "docker",
        request: (mode) => {
          const name = mode === "refused" ? `matrix-intruder-${run}` : unique("matrix-made");
          if (mode === "allowed") made[resource].push(name);
          return { method: "POST", path: `${ep("docker")}/docker/${resource}`, body: { name } };
        },
      });
  }

  // Every container action, at the running fixture container (or a missing one when allowed).
  for (const action of Object.keys(CONTAINER_ACTION_PERMISSIONS) as (keyof typeof CONTAINER_ACTION_PERMISSIONS)[]) {
    list.push({
      route: "POST /api/endpoints/[id]/docker/containers/[cid]/[action]",
      variant: action,
      need: CONTAINER_NEEDS[action],
      where: "docker",
      request: (mode) => ({
        method: "POST",
        path: `${ep("docker")}/docker/containers/${mode === "refused" ? ids.container : MISSING}/${action}`,
        body: action === "rename" ? { name: unique("matrix-renamed") } : action === "remove" ? { force: true } : {},
      }),
    });
  }

  // Every Kubernetes action, on an object of a kind that has it.
  for (const [action, target] of Object.entries(KUBE_ACTION_TARGETS)) {
    if (!target) continue;
    list.push({
      route: "POST /api/endpoints/[id]/kube/[resource]/[name]/[action]",
      variant: `${action}${target.withNamespace ? " in a namespace" : ""}`,
      need: KUBE_NEEDS[action as keyof typeof KUBE_NEEDS],
      where: target.namespaced ? "kube-ns" : "kube-cluster",
      request: (mode, ns) => {
        const name = mode === "refused" ? (target.name === "node" ? ids.node : target.name) : MISSING;
        const query = target.namespaced ? `?namespace=${ns}` : target.withNamespace ? `?namespace=${IN}` : "";
        return {
          method: "POST",
          path: `${ep("kube")}/kube/${target.resource}/${name}/${action}${query}`,
          body: target.body ?? {},
        };
      },
    });
  }
  return list;
}

/** The least role of each container action: the table is the test's, compared with the product's. */
const CONTAINER_NEEDS: Record<keyof typeof CONTAINER_ACTION_PERMISSIONS, Need> = {
  start: "OPERATOR",
  stop: "OPERATOR",
  restart: "OPERATOR",
  kill: "OPERATOR",
  pause: "OPERATOR",
  unpause: "OPERATOR",
  rename: "OPERATOR",
  recreate: "ENDPOINT_ADMIN",
  remove: "ENDPOINT_ADMIN",
};

const KUBE_NEEDS: Record<keyof typeof KUBE_ACTION_PERMISSIONS, Need> = {
  delete: "ENDPOINT_ADMIN",
  scale: "OPERATOR",
  restart: "OPERATOR",
  pause: "OPERATOR",
  resume: "OPERATOR",
  cordon: "OPERATOR",
  uncordon: "OPERATOR",
  suspend: "OPERATOR",
  unsuspend: "OPERATOR",
  rollback: "OPERATOR",
  drain: "OPERATOR",
  "create-job": "OPERATOR",
  logs: "VIEWER",
  reveal: "ENDPOINT_ADMIN",
};

interface KubeActionTarget {
  resource: string;
  name: string;
  namespaced: boolean;
  /** A cluster-wide object named with a namespace (the caller's own). */
  withNamespace?: boolean;
  body?: unknown;
}
/** Where each action is tried; null: not an action of this route (it has its own, or none). */
const KUBE_ACTION_TARGETS: Record<string, KubeActionTarget | null> = {
  delete: null, // DELETE …/[name]
  drain: null, // …/[name]/drain
  logs: null, // …/logs
  scale: { resource: "deployments.apps", name: "matrix-web", namespaced: true, body: { replicas: 3 } },
  restart: { resource: "deployments.apps", name: "matrix-web", namespaced: true },
  pause: { resource: "deployments.apps", name: "matrix-web", namespaced: true },
  resume: { resource: "deployments.apps", name: "matrix-paused", namespaced: true },
  rollback: { resource: "deployments.apps", name: "matrix-web", namespaced: true, body: { revision: 1 } },
  suspend: { resource: "cronjobs.batch", name: "matrix-cron", namespaced: true },
  unsuspend: { resource: "cronjobs.batch", name: "matrix-cron-suspended", namespaced: true },
  "create-job": { resource: "cronjobs.batch", name: "matrix-cron", namespaced: true },
  reveal: { resource: "secrets", name: "matrix-secret", namespaced: true },
  cordon: { resource: "nodes", name: "node", namespaced: false },
  uncordon: { resource: "nodes", name: "node", namespaced: false, withNamespace: true },
};

// ---------------------------------------------------------------------------------------------
// The expected answer of one caller.
// ---------------------------------------------------------------------------------------------

type Expected = "allowed" | 401 | 403 | 404;

function expected(p: Persona, need: Need, where: Where, ns: string | null): Expected {
  if (need === "public") return "allowed";
  if (p.signedOut) return 401;
  if (need === "signed-in") return "allowed";
  if (need === "browser") return p.token ? 403 : "allowed";
  if (p.isAdmin) return "allowed";
  if (need === "audit") return Object.values(p.roles).includes("ENDPOINT_ADMIN") ? "allowed" : 403;
  const role = where === "none" ? undefined : where === "docker" ? p.roles.docker : p.roles.kube;
  // Someone with no grant on an endpoint is not told it exists.
  if (where !== "none" && !role) return 404;
  if (need === "admin" || !role) return 403;
  if (need === "visible") return "allowed";
  if (p.namespaces && (where === "kube-cluster" || (where === "kube-ns" && !p.namespaces.includes(ns!)))) return 403;
  return ROLE_RANK[role] >= ROLE_RANK[need] ? "allowed" : 403;
}

/** A refusal, as opposed to the upstream's or the handler's own answer about the request. */
function refusal(status: number, body: Record<string, unknown>): Expected | null {
  if (status === 401 || status === 403) return status;
  if (status === 404 && body.error === "endpoint not found") return 404;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Fixtures, and what must not change.
// ---------------------------------------------------------------------------------------------

async function throwawayEndpoint(): Promise<string> {
  const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
    name: unique("matrix-throwaway"),
    connection: { kind: "docker", transport: "socket", socketPath: engine.env.docker[0]!.socketPath },
  });
  if (created.status !== 201) throw new Error(created.text);
  made.endpoints.push(created.json.endpoint.id);
  return created.json.endpoint.id;
}

async function kubeFixtures(ns: string) {
  await core.createNamespace({ body: { metadata: { name: ns } } }).catch(() => {});
  await core.createNamespacedConfigMap({
    namespace: ns,
    body: { metadata: { name: "matrix-cm" }, data: { value: "original" } },
  });
  await core.createNamespacedSecret({
    namespace: ns,
    body: { metadata: { name: "matrix-secret" }, stringData: { password: "hunter2" } },
  });
  const deployment = (name: string, paused: boolean) => ({
    metadata: { name },
    spec: {
      replicas: 1,
      paused,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [{ name: "web", image: "web:1" }],
          nodeSelector: { type: "kwok" },
          tolerations: [{ operator: "Exists" }],
        },
      },
    },
  });
  await apps.createNamespacedDeployment({ namespace: ns, body: deployment("matrix-web", false) });
  await apps.createNamespacedDeployment({ namespace: ns, body: deployment("matrix-paused", true) });
  const cronJob = (name: string, suspend: boolean) => ({
    metadata: { name },
    spec: {
      schedule: "0 0 1 1 *",
      suspend,
      jobTemplate: {
        spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "job", image: "job:1" }] } } },
      },
    },
  });
  await batch.createNamespacedCronJob({ namespace: ns, body: cronJob("matrix-cron", false) });
  await batch.createNamespacedCronJob({ namespace: ns, body: cronJob("matrix-cron-suspended", true) });
  await core.createNamespacedPod({
    namespace: ns,
    body: {
      metadata: { name: "matrix-pod" },
      spec: {
        nodeName: ids.node,
        containers: [{ name: "app", image: "app:1" }],
        tolerations: [{ operator: "Exists" }],
      },
    },
  });
}

/** Everything a refused call could have changed, read straight from the engine, API server and database. */
async function snapshot(): Promise<string> {
  const prisma = await testDb();
  const container = await engine.docker
    .getContainer(ids.container)
    .inspect()
    .then((c) => ({
      name: c.Name,
      status: c.State.Status,
      paused: c.State.Paused,
      started: c.State.StartedAt,
      image: c.Config.Image,
    }))
    .catch(() => "gone");
  const [volumes, networks, images, containers] = await Promise.all([
    engine.docker.listVolumes(),
    engine.docker.listNetworks(),
    engine.docker.listImages(),
    engine.docker.listContainers({ all: true }),
  ]);
  const kube = [];
  for (const ns of [IN, OUT]) {
    const [cm, secret, web, paused, cron, suspended, jobs] = await Promise.all([
      core
        .readNamespacedConfigMap({ namespace: ns, name: "matrix-cm" })
        .then((o) => o.data)
        .catch(() => "gone"),
      core
        .readNamespacedSecret({ namespace: ns, name: "matrix-secret" })
        .then((o) => o.metadata?.uid)
        .catch(() => "gone"),
      apps
        .readNamespacedDeployment({ namespace: ns, name: "matrix-web" })
        .then((d) => ({
          generation: d.metadata?.generation,
          replicas: d.spec?.replicas,
          paused: d.spec?.paused ?? false,
        }))
        .catch(() => "gone"),
      apps
        .readNamespacedDeployment({ namespace: ns, name: "matrix-paused" })
        .then((d) => d.spec?.paused ?? false)
        .catch(() => "gone"),
      batch
        .readNamespacedCronJob({ namespace: ns, name: "matrix-cron" })
        .then((c) => c.spec?.suspend)
        .catch(() => "gone"),
      batch
        .readNamespacedCronJob({ namespace: ns, name: "matrix-cron-suspended" })
        .then((c) => c.spec?.suspend)
        .catch(() => "gone"),
      batch.listNamespacedJob({ namespace: ns }).then((l) => l.items.length),
    ]);
    kube.push({ ns, cm, secret, web, paused, cron, suspended, jobs });
  }
  const node = await core
    .readNode({ name: ids.node })
    .then((n) => ({ unschedulable: n.spec?.unschedulable ?? false, uid: n.metadata?.uid }));
  const [victim, team, grants, endpoints, tokens, users, admins, teams] = await Promise.all([
    prisma.user.findUnique({
      where: { id: ids.victim },
      select: { name: true, isAdmin: true, disabled: true, passwordHash: true, inviteHash: true },
    }),
    prisma.team.findUnique({
      where: { id: ids.team },
      select: { name: true, members: { select: { userId: true, leader: true } } },
    }),
    prisma.accessGrant.findMany({ where: { userId: ids.victim }, select: { id: true, role: true, endpointId: true } }),
    prisma.endpoint.findMany({
      where: { id: { in: [ids.docker, ids.kube, ids.other] } },
      select: { id: true, name: true },
      orderBy: { id: "asc" },
    }),
    prisma.apiToken.findMany({ where: { id: ids.tokenId }, select: { id: true } }),
    prisma.user.count({ where: { email: { contains: "matrix-intruder" } } }),
    prisma.user.count({ where: { isAdmin: true } }),
    prisma.team.count({ where: { name: { startsWith: "matrix-intruders" } } }),
  ]);
  return JSON.stringify(
    {
      container,
      volume: (volumes.Volumes ?? []).some((v) => v.Name === names.volume),
      intruderVolume: (volumes.Volumes ?? []).some((v) => v.Name.startsWith("matrix-intruder")),
      network: networks.some((n) => n.Name === names.network),
      intruderNetwork: networks.some((n) => n.Name.startsWith("matrix-intruder")),
      images: images.map((i) => `${i.Id} ${(i.RepoTags ?? []).sort().join(",")}`).sort(),
      intruderContainers: containers.filter(
        (c) => c.Labels["fleetdeck.matrix"] === run || c.Labels["com.docker.compose.project"] === `matrix-stack-${run}`,
      ).length,
      kube,
      node,
      victim,
      team,
      grants,
      endpoints,
      tokens,
      users,
      admins,
      teams,
      sessions: await prisma.session.count({ where: { id: ids.adminSession, endedAt: null } }),
      victimSessions: await prisma.session.count({ where: { userId: ids.victim, endedAt: null } }),
    },
    null,
    1,
  );
}

async function deniedRows(userId: string | null): Promise<number> {
  if (!userId) return 0;
  const prisma = await testDb();
  return prisma.auditEvent.count({ where: { actorId: userId, outcome: "DENIED" } });
}

// ---------------------------------------------------------------------------------------------
// Routes and events found in the code.
// ---------------------------------------------------------------------------------------------

const root = path.resolve(import.meta.dirname, "../..");

function discoveredRoutes(): string[] {
  const found: string[] = [];
  for (const file of readdirSync(path.join(root, "app/api"), { recursive: true, encoding: "utf8" })) {
    if (path.basename(file) !== "route.ts") continue;
    const source = readFileSync(path.join(root, "app/api", file), "utf8");
    const methods = new Set<string>();
    for (const m of source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g))
      methods.add(m[1]!);
    for (const m of source.matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
    const template = "/" + path.join("api", path.dirname(file)).split(path.sep).join("/");
    for (const method of methods) found.push(`${method} ${template}`);
  }
  return found.sort();
}

// ---------------------------------------------------------------------------------------------

let personas: Persona[] = [];
let before = "";
const table = cases();
const mismatches: string[] = [];
const unaudited: string[] = [];

beforeAll(async () => {
  if (await admin.signIn(ADMIN.email, ADMIN.password)) throw new Error("admin sign-in failed");
  const endpoint = async (name: string, connection: unknown) => {
    const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", { name, connection });
    if (created.status !== 201) throw new Error(created.text);
    return created.json.endpoint.id;
  };
  const socket = { kind: "docker", transport: "socket", socketPath: engine.env.docker[0]!.socketPath };
  ids.docker = await endpoint(`matrix-docker-${run}`, socket);
  ids.kube = await endpoint(`matrix-kube-${run}`, adminTarget(0));
  ids.other = await endpoint(`matrix-other-${run}`, socket);

  const box = await engine.run(["sleep", "3600"], { name: `matrix-box-${run}` });
  ids.container = box.id;
  const image = engine.docker.getImage(engine.env.testImage);
  ids.image = (await image.inspect()).Id;
  await image.tag({ repo: names.imageTag.split(":")[0]!, tag: run });
  await engine.docker.createVolume({ Name: names.volume });
  await engine.docker.createNetwork({ Name: names.network });
  ids.node = (await core.listNode()).items[0]!.metadata!.name!;
  await kubeFixtures(IN);
  await kubeFixtures(OUT);

  const prisma = await testDb();
  const victim = await prisma.user.create({ data: { email: `matrix-victim-${run}@example.test`, name: "victim" } });
  ids.victim = victim.id;
  await prisma.session.create({ data: { userId: victim.id } });
  ids.team = (
    await prisma.team.create({ data: { name: `matrix-team-${run}`, members: { create: { userId: victim.id } } } })
  ).id;
  ids.grant = (
    await prisma.accessGrant.create({
      data: { userId: victim.id, endpointId: ids.docker, role: "VIEWER", namespaces: [] },
    })
  ).id;

  personas = await matrixPersonas(
    { docker: ids.docker, kube: ids.kube, other: ids.other } satisfies MatrixEndpoints,
    IN,
  );
  const tokenPersona = personas.find((p) => p.name === "read-only token")!;
  ids.tokenId = (await prisma.apiToken.findFirst({
    where: { userId: tokenPersona.userId! },
    select: { id: true },
  }))!.id;
  const adminPersona = personas.find((p) => p.name === "administrator")!;
  ids.adminSession = (await prisma.session.findFirst({
    where: { userId: adminPersona.userId!, endedAt: null },
    select: { id: true },
  }))!.id;
}, 180_000);

afterAll(async () => {
  await engine.cleanup();
  const docker = engine.docker;
  const leftovers = await docker.listContainers({ all: true, filters: { label: [`fleetdeck.matrix=${run}`] } });
  await Promise.all(
    leftovers.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => {}),
    ),
  );
  for (const name of [names.volume, ...made.volumes])
    await docker
      .getVolume(name)
      .remove()
      .catch(() => {});
  for (const name of [names.network, ...made.networks])
    await docker
      .getNetwork(name)
      .remove()
      .catch(() => {});
  await docker
    .getImage(names.imageTag)
    .remove()
    .catch(() => {});
  for (const ns of [IN, OUT]) await core.deleteNamespace({ name: ns }).catch(() => {});
  const prisma = await testDb();
  const allowedMade = await prisma.endpoint.findMany({ where: { name: { startsWith: `matrix-made-${run}` } } });
  for (const id of [ids.docker, ids.kube, ids.other, ...made.endpoints, ...allowedMade.map((e) => e.id)])
    await admin.request("DELETE", `/api/endpoints/${id}`);
});

describe("the authorization matrix", () => {
  it("names every REST route and every socket event in its table", () => {
    const named = new Set(table.map((c) => c.route));
    expect(discoveredRoutes().filter((r) => !named.has(r))).toEqual([]);
    expect([...named].filter((r) => !discoveredRoutes().includes(r))).toEqual([]);
    expect(Object.keys(CLIENT_EVENT_SCHEMAS).filter((e) => !(e in SOCKET_NEEDS))).toEqual([]);
    // Every expanded parameter the product knows is in the table too.
    expect(Object.keys(CONTAINER_NEEDS).sort()).toEqual(Object.keys(CONTAINER_ACTION_PERMISSIONS).sort());
    expect(Object.keys(KUBE_NEEDS).sort()).toEqual(Object.keys(KUBE_ACTION_PERMISSIONS).sort());
    expect(Object.keys(KUBE_ACTION_TARGETS).sort()).toEqual(Object.keys(KUBE_ACTION_PERMISSIONS).sort());
  });

  it("refuses every call a caller may not make, audits it, and changes nothing", async () => {
    before = await snapshot();
    for (const c of table) {
      for (const ns of c.where === "kube-ns" ? [IN, OUT] : [null]) {
        for (const p of personas) {
          const want = expected(p, c.need, c.where, ns);
          if (want === "allowed") continue;
          const request = await c.request("refused", ns ?? IN);
          const audited = await deniedRows(p.signedOut ? null : p.userId);
          const answer = await p.client.request(request.method, request.path, request.body);
          const label = `${c.route}${c.variant ? ` (${c.variant})` : ""}${ns ? ` [${ns}]` : ""} as ${p.name}`;
          if (answer.status !== want)
            mismatches.push(`${label}: expected ${want}, got ${answer.status} ${answer.text.slice(0, 160)}`);
          if (!p.signedOut && (await deniedRows(p.userId)) <= audited) unaudited.push(label);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(unaudited).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("lets every caller through where the table allows it", async () => {
    const wrong: string[] = [];
    for (const c of table) {
      for (const ns of c.where === "kube-ns" ? [IN, OUT] : [null]) {
        for (const p of personas) {
          if (expected(p, c.need, c.where, ns) !== "allowed") continue;
          const request = await c.request("allowed", ns ?? IN);
          const answer = await p.client.request(request.method, request.path, request.body);
          const label = `${c.route}${c.variant ? ` (${c.variant})` : ""}${ns ? ` [${ns}]` : ""} as ${p.name}`;
          const refused = refusal(answer.status, answer.json);
          if (refused || answer.status === 500) wrong.push(`${label}: ${answer.status} ${answer.text.slice(0, 160)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The allowed calls were aimed at harmless targets: the fixtures are as they were.
    expect(await snapshot()).toEqual(before);
  });

  it("refuses and audits socket events the same way, and ends no allowed one with a refusal", async () => {
    const wrong: string[] = [];
    for (const p of personas) {
      const socket: Socket = io(inject("appUrl"), {
        transports: ["websocket"],
        reconnection: false,
        extraHeaders: { cookie: p.client.cookie },
        ...(p.token ? { auth: { token: p.token } } : {}),
      });
      const connected = await new Promise<boolean>((resolve) => {
        socket.once("connect", () => resolve(true));
        socket.once("connect_error", () => resolve(false));
      });
      if (connected === p.signedOut) wrong.push(`${p.name}: socket ${connected ? "connected" : "refused"}`);
      if (!connected) {
        socket.close();
        continue;
      }
      for (const [event, cases] of Object.entries(SOCKET_NEEDS)) {
        for (const c of cases) {
          for (const ns of c.where === "kube-ns" ? [IN, OUT] : [null]) {
            const want = expected(p, c.need, c.where, ns);
            const audited = await deniedRows(p.userId);
            const reply = await new Promise<{ ok: boolean; error?: string }>((resolve) =>
              socket
                .timeout(15_000)
                .emit(
                  event as never,
                  c.payload(ns ?? IN) as never,
                  ((error: Error | null, answer: { ok: boolean; error?: string }) =>
                    resolve(error ? { ok: false, error: `no answer: ${error.message}` } : answer)) as never,
                ),
            );
            const denied = (await deniedRows(p.userId)) > audited;
            const label = `${event}${c.variant ? ` (${c.variant})` : ""}${ns ? ` [${ns}]` : ""} as ${p.name}`;
            if (want === "allowed" && denied) wrong.push(`${label}: refused (${reply.error})`);
            if (want !== "allowed" && (reply.ok || !denied))
              wrong.push(
                `${label}: expected a refusal, got ${JSON.stringify(reply)}${denied ? "" : " (no DENIED row)"}`,
              );
          }
        }
      }
      socket.close();
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});

interface SocketCase {
  variant?: string;
  need: Need;
  where: Where;
  payload(ns: string): unknown;
}

const SOCKET_NEEDS: Record<keyof typeof CLIENT_EVENT_SCHEMAS, SocketCase[]> = {
  "endpoints:watch": [{ need: "signed-in", where: "none", payload: () => undefined }],
  "fleet:watch": [{ need: "signed-in", where: "none", payload: () => undefined }],
  "fleet:unwatch": [{ need: "signed-in", where: "none", payload: () => undefined }],
  "palette:search": [{ need: "signed-in", where: "none", payload: () => ({ q: "matrix", limit: 5 }) }],
  "docker:watch": [{ need: "VIEWER", where: "docker", payload: () => ({ endpointId: ids.docker }) }],
  "docker:unwatch": [{ need: "signed-in", where: "none", payload: () => ({ endpointId: ids.docker }) }],
  "kube:watch": [
    {
      variant: "configmaps",
      need: "VIEWER",
      where: "kube-ns",
      payload: (ns) => ({ endpointId: ids.kube, resource: "configmaps", namespaces: [ns] }),
    },
    {
      variant: "nodes",
      need: "VIEWER",
      where: "kube-cluster",
      payload: () => ({ endpointId: ids.kube, resource: "nodes" }),
    },
  ],
  "kube:unwatch": [{ need: "signed-in", where: "none", payload: () => ({ watchId: MISSING }) }],
  "kube:overview": [{ need: "visible", where: "kube-cluster", payload: () => ({ endpointId: ids.kube }) }],
  "kube:overview-stop": [{ need: "signed-in", where: "none", payload: () => ({ endpointId: ids.kube }) }],
  "logs:subscribe": [
    {
      variant: "container",
      need: "VIEWER",
      where: "docker",
      payload: () => ({ endpointId: ids.docker, target: { kind: "container", containerId: ids.container }, tail: 1 }),
    },
    {
      variant: "pod",
      need: "VIEWER",
      where: "kube-ns",
      payload: (ns) => ({ endpointId: ids.kube, target: { kind: "pod", namespace: ns, pod: "matrix-pod" }, tail: 1 }),
    },
  ],
  "logs:unsubscribe": [{ need: "signed-in", where: "none", payload: () => ({ subscriptionId: MISSING }) }],
  "logs:search": [{ need: "signed-in", where: "none", payload: () => ({ subscriptionIds: [MISSING], pattern: "x" }) }],
  "audit:watch": [{ need: "audit", where: "none", payload: () => ({}) }],
  "audit:unwatch": [{ need: "signed-in", where: "none", payload: () => undefined }],
  // An allowed terminal runs until the socket closes after each persona (which ends it).
  "exec:start": [
    {
      variant: "container",
      need: "OPERATOR",
      where: "docker",
      payload: () => ({
        endpointId: ids.docker,
        target: { kind: "container", containerId: ids.container },
        start: { mode: "shell", shell: "sh" },
        size: { cols: 80, rows: 24 },
      }),
    },
    {
      variant: "pod",
      need: "OPERATOR",
      where: "kube-ns",
      payload: (ns) => ({
        endpointId: ids.kube,
        target: { kind: "pod", namespace: ns, pod: "matrix-pod" },
        start: { mode: "command", command: "cat" },
        size: { cols: 80, rows: 24 },
      }),
    },
  ],
  "exec:input": [{ need: "signed-in", where: "none", payload: () => ({ sessionId: MISSING, data: "x" }) }],
  "exec:resize": [{ need: "signed-in", where: "none", payload: () => ({ sessionId: MISSING, cols: 80, rows: 24 }) }],
  "exec:close": [{ need: "signed-in", where: "none", payload: () => ({ sessionId: MISSING }) }],
  "usage:watch": [
    {
      variant: "container",
      need: "VIEWER",
      where: "docker",
      payload: () => ({ endpointId: ids.docker, target: { kind: "container", containerId: ids.container } }),
    },
    {
      variant: "engine",
      need: "VIEWER",
      where: "docker",
      payload: () => ({ endpointId: ids.docker, target: { kind: "engine" } }),
    },
    {
      variant: "pod",
      need: "VIEWER",
      where: "kube-ns",
      payload: (ns) => ({ endpointId: ids.kube, target: { kind: "pod", namespace: ns, pod: "matrix-pod" } }),
    },
    {
      variant: "node",
      need: "VIEWER",
      where: "kube-cluster",
      payload: () => ({ endpointId: ids.kube, target: { kind: "node", node: ids.node } }),
    },
  ],
  "usage:unwatch": [{ need: "signed-in", where: "none", payload: () => ({ watchId: MISSING }) }],
};
