// The palette's answer: every endpoint the person may see, searched by name in what this instance
// already holds in memory (Docker event-stream state, Kubernetes watch caches). Only a first search
// of an endpoint waits for its state, and only briefly: what is not in by then is named `pending`.
import { db, type Endpoint } from "../db/client";
import { allowedNamespaces, roleOn, visibleEndpointIds, type Subject } from "../rbac/authorize";
import { byRank, type Candidate } from "./candidate";
import { dockerCandidates } from "./docker-items";
import { dockerIndex, kubeIndex } from "./held-indexes";
import { grantedNamespaceCandidates, kubeCandidates } from "./kube-items";
import { matchScore, toQuery, type Query } from "./match";
import type { PaletteAnswer } from "./palette-item";

/** How long a search waits for endpoints being read for the first time. */
export const FIRST_READ_WAIT_MS = 1_500;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Endpoints are read at most this often while someone types (a new or removed one shows within it). */
const ENDPOINTS_FRESH_MS = 1_000;
let endpointsRead: { at: number; list: Promise<Endpoint[]> } | null = null;

function allEndpoints(): Promise<Endpoint[]> {
  if (!endpointsRead || Date.now() - endpointsRead.at > ENDPOINTS_FRESH_MS) {
    const list = db().endpoint.findMany({ orderBy: { name: "asc" } });
    endpointsRead = { at: Date.now(), list };
    list.catch(() => (endpointsRead = null));
  }
  return endpointsRead.list;
}

function endpointCandidate(query: Query, endpoint: Endpoint): Candidate[] {
  const word = endpoint.kind === "DOCKER" ? "docker engine" : "kubernetes cluster";
  const score = matchScore(query, endpoint.name, `endpoint ${word}`);
  if (score === null) return [];
  return [
    {
      score,
      name: endpoint.name,
      make: () => ({
        key: `${endpoint.id}|endpoint|${endpoint.id}`,
        type: "endpoint",
        label: endpoint.kind === "DOCKER" ? "Docker engine" : "Kubernetes cluster",
        name: endpoint.name,
        endpointId: endpoint.id,
        endpointName: endpoint.name,
        href: `/endpoints/${endpoint.id}`,
        actions: [],
      }),
    },
  ];
}

type Searcher = () => { candidates: Candidate[]; pending: boolean; problem: string | null };

function searcherFor(subject: Subject, query: Query, endpoint: Endpoint): { run: Searcher; loading: Promise<void>[] } {
  if (endpoint.kind === "DOCKER") {
    const index = dockerIndex(endpoint);
    const access = { role: roleOn(subject, endpoint.id), isAdmin: subject.isAdmin };
    return {
      loading: index.loaded ? [] : [index.ready],
      run: () => ({
        candidates: dockerCandidates(query, endpoint, index, access),
        pending: !index.loaded && index.error === null,
        problem: index.error,
      }),
    };
  }
  const index = kubeIndex(endpoint);
  const namespaces = allowedNamespaces(subject, endpoint.id);
  const first = index.read(endpoint, namespaces);
  return {
    loading: first.loading,
    run: () => {
      const readout = first.loading.length ? index.read(endpoint, namespaces) : first;
      const candidates = kubeCandidates(query, subject, endpoint, readout.kinds);
      if (namespaces !== "all") candidates.push(...grantedNamespaceCandidates(query, endpoint, namespaces));
      return {
        candidates,
        pending: readout.loading.length > 0,
        problem: readout.problems.length ? readout.problems.join("; ") : null,
      };
    },
  };
}

export async function searchFleet(subject: Subject, text: string, limit: number): Promise<PaletteAnswer> {
  const query = toQuery(text);
  const all = await allEndpoints();
  const visible = new Set(
    visibleEndpointIds(
      subject,
      all.map((e) => e.id),
    ),
  );
  const endpoints = all.filter((e) => visible.has(e.id));

  const searchers = endpoints.map((endpoint) => ({ endpoint, ...searcherFor(subject, query, endpoint) }));
  const loading = searchers.flatMap((s) => s.loading);
  if (loading.length) await Promise.race([Promise.all(loading), wait(FIRST_READ_WAIT_MS)]);

  const answer: PaletteAnswer = { items: [], pending: [], problems: [] };
  const candidates: Candidate[] = [];
  for (const { endpoint, run } of searchers) {
    candidates.push(...endpointCandidate(query, endpoint));
    const result = run();
    candidates.push(...result.candidates);
    if (result.pending) answer.pending.push(endpoint.name);
    if (result.problem) answer.problems.push({ endpointName: endpoint.name, message: result.problem });
  }
  answer.items = candidates
    .sort(byRank)
    .slice(0, limit)
    .map((c) => c.make());
  return answer;
}
