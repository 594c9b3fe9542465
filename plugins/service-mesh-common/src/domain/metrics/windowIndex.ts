import {
  CryptoConfig,
  EdgeBytes,
  EdgeLatencyBucket,
  EdgeResponses,
  InboundResponses,
  InboundTcp,
  ZoneRequests,
  LatencyBucket,
  MetricsWindow,
  MetricWorkload,
  OutboundEdge,
  workloadKey,
} from './metricsWindow';

/** A window's rows grouped by workload key (edges by either end), and its totals. */
export interface WindowIndex {
  inbound: Map<string, InboundResponses[]>;
  inboundTcp: Map<string, InboundTcp[]>;
  zones: Map<string, ZoneRequests[]>;
  latency: Map<string, LatencyBucket[]>;
  crypto: Map<string, CryptoConfig[]>;
  leafExpiry: Map<string, Array<{ workload: MetricWorkload; expiresAt: number }>>;
  /** Edge rows by the key of the calling workload, and by the key of the called one. */
  edgesBySrc: EdgeRows;
  edgesByDst: EdgeRows;
  /** Outbound responses of every edge, summed. */
  edgeResponsesTotal: number;
}

interface EdgeRows {
  edges: Map<string, OutboundEdge[]>;
  responses: Map<string, EdgeResponses[]>;
  latency: Map<string, EdgeLatencyBucket[]>;
  bytes: Map<string, EdgeBytes[]>;
}

function group<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

const byWorkload = (r: { workload: MetricWorkload }) => workloadKey(r.workload);
const byDst = (r: { dst: MetricWorkload }) => workloadKey(r.dst);

const indexes = new WeakMap<MetricsWindow, WindowIndex>();

/**
 * The index of a window, built on first use and kept as long as the window object lives: a
 * window is shared by every request of its refresh cycle, so entity reports look rows up by
 * workload instead of scanning every series of the cluster. Windows are never mutated.
 */
export function windowIndex(w: MetricsWindow): WindowIndex {
  let index = indexes.get(w);
  if (!index) {
    index = {
      inbound: group(w.inbound, byWorkload),
      inboundTcp: group(w.inboundTcp ?? [], byWorkload),
      zones: group(w.zones ?? [], byWorkload),
      latency: group(w.latency, byWorkload),
      crypto: group(w.crypto, byWorkload),
      leafExpiry: group(w.leafExpiry, byWorkload),
      edgesBySrc: { edges: group(w.edges, byWorkload), responses: group(w.edgeResponses, byWorkload), latency: group(w.edgeLatency, byWorkload), bytes: group(w.edgeBytes ?? [], byWorkload) },
      edgesByDst: { edges: group(w.edges, byDst), responses: group(w.edgeResponses, byDst), latency: group(w.edgeLatency, byDst), bytes: group(w.edgeBytes ?? [], byDst) },
      edgeResponsesTotal: w.edgeResponses.reduce((n, r) => n + r.count, 0),
    };
    indexes.set(w, index);
  }
  return index;
}

/** The keys (`namespace/kind/name`) of the given workloads that are in `cluster`. */
export function keysIn(cluster: string, workloads: Array<{ cluster: string } & MetricWorkload>): string[] {
  return [...new Set(workloads.filter(w => w.cluster === cluster).map(workloadKey))];
}

/** The rows of `map` for each key, flattened. */
export function rowsOf<T>(map: Map<string, T[]>, keys: string[]): T[] {
  return keys.flatMap(k => map.get(k) ?? []);
}
