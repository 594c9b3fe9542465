// The benchmark's cluster sizes: every size has the same density (10 workloads per namespace,
// 5 pods per workload, half of them meshed) and the same 1,000 catalog entities, so only the
// cluster grows between sizes.

export interface BenchSize {
  /** `quick` or `full`, used in file names. */
  name: string;
  namespaces: number;
  workloadsPerNamespace: number;
  podsPerWorkload: number;
  entities: number;
  /** Seconds of each autocannon run. */
  loadSeconds: number;
}

export const CONNECTIONS = 50;
/** Seconds of the one-connection run that gives the service time without queueing. */
export const SINGLE_SECONDS = 5;
/** Wait after a load before reading server counters, for requests still in flight. */
export const SETTLE_MS = 3000;

export const QUICK: BenchSize = { name: 'quick', namespaces: 40, workloadsPerNamespace: 10, podsPerWorkload: 5, entities: 1000, loadSeconds: 10 };
export const FULL: BenchSize = { name: 'full', namespaces: 200, workloadsPerNamespace: 10, podsPerWorkload: 5, entities: 1000, loadSeconds: 30 };

export const workloadCount = (s: BenchSize) => s.namespaces * s.workloadsPerNamespace;
export const podCount = (s: BenchSize) => workloadCount(s) * s.podsPerWorkload;

/** One workload of the synthetic cluster. */
export interface BenchWorkload {
  namespace: string;
  name: string;
  /** The first half of each namespace's workloads run the Linkerd proxy. */
  meshed: boolean;
}

export const namespaceName = (i: number) => `bench-${String(i).padStart(3, '0')}`;

/** Every workload, namespace by namespace; names are unique cluster-wide (the kubernetes-id). */
export function workloadsOf(s: BenchSize): BenchWorkload[] {
  return Array.from({ length: workloadCount(s) }, (_, i) => {
    const ns = Math.floor(i / s.workloadsPerNamespace);
    const j = i % s.workloadsPerNamespace;
    return { namespace: namespaceName(ns), name: `svc-${String(ns).padStart(3, '0')}-${j}`, meshed: j < s.workloadsPerNamespace / 2 };
  });
}

/** The workload each catalog entity points at: a prime stride spreads them over namespaces. */
export function entityWorkloads(s: BenchSize): BenchWorkload[] {
  const all = workloadsOf(s);
  return Array.from({ length: s.entities }, (_, i) => all[(i * 7919) % all.length]);
}
