import { EdgeReport } from '../../api/EntityMeshReport';
import { histogramQuantile } from './histogramQuantile';
import { MetricsWindow, MetricWorkload, workloadKey } from './metricsWindow';
import { keysIn, rowsOf, windowIndex } from './windowIndex';

interface Acc {
  cluster: string;
  workload: string;
  peer: string;
  windowSeconds: number;
  success: number;
  failure: number;
  securedRequests: number;
  buckets: Map<number, number>;
  bytes: number;
  securedBytes: number;
  connections: number;
  securedConnections: number;
  serverId?: string;
  noTlsReason?: string;
}

const round = (x: number, d: number) => Number(x.toFixed(d));

function quantiles(buckets: Map<number, number>) {
  const list = [...buckets].map(([le, count]) => ({ le, count }));
  const q = (x: number) => histogramQuantile(x, list);
  return Number.isNaN(q(0.5)) ? undefined : { p50: round(q(0.5), 2), p95: round(q(0.95), 2), p99: round(q(0.99), 2) };
}

/** Notes the TLS state of a row on its edge: the server identity when secured, else the reason. */
function noteTls(a: Acc, secured: boolean, serverId?: string, noTlsReason?: string, tls?: string) {
  if (secured) a.serverId = serverId ?? a.serverId;
  else a.noTlsReason ??= noTlsReason ?? tls;
}

/**
 * An edge's traffic and how much of it was secured: requests when it carried HTTP, else bytes
 * (TCP-only edges such as NATS), else the connections open at the end of the window. An edge with
 * none of them is dropped: `linkerd viz edges` lists only edges with open connections
 * (linkerd2 `viz/metrics-api/edges.go` drops zero samples); we keep one that carried traffic in
 * the window even if its connections closed (our rule, derived from that).
 */
/** What the edge's security is measured in: requests, else bytes, else open connections. */
function traffic(a: Acc): { protocol: 'http' | 'tcp'; total: number; secured: number } | undefined {
  const requests = a.success + a.failure;
  if (requests > 0) return { protocol: 'http', total: requests, secured: a.securedRequests };
  if (a.bytes > 0) return { protocol: 'tcp', total: a.bytes, secured: a.securedBytes };
  if (a.connections > 0) return { protocol: 'tcp', total: a.connections, secured: a.securedConnections };
  return undefined;
}

function securityOf(secured: number, total: number): EdgeReport['security'] {
  if (secured >= total) return 'mtls';
  return secured <= 0 ? 'plaintext' : 'partial';
}

function report(a: Acc): EdgeReport | undefined {
  const requests = a.success + a.failure;
  const t = traffic(a);
  if (!t) return undefined;
  const { protocol, total, secured } = t;
  const security = securityOf(secured, total);
  return {
    cluster: a.cluster, peer: a.peer, workload: a.workload,
    successRate: requests > 0 ? round(a.success / requests, 6) : undefined,
    rps: round(requests / a.windowSeconds, 4),
    latencyMs: requests > 0 ? quantiles(a.buckets) : undefined,
    protocol,
    security,
    tlsShare: round(Math.min(1, secured / total), 6),
    serverId: security !== 'plaintext' ? a.serverId : undefined,
    noTlsReason: security !== 'mtls' ? a.noTlsReason : undefined,
    connections: round(a.connections, 3),
  };
}

/**
 * Callers and callees of a set of workloads with each edge's success rate, RPS, latency, protocol
 * and security, from the calling proxy's outbound metrics: HTTP responses, TCP bytes and open
 * connections. An edge is `mtls` only when all of its traffic was; mixed traffic is `partial`
 * with its share. Unmeshed callers have no proxy: they appear in the mTLS report's plaintext.
 */
export function edgeReports(
  windows: MetricsWindow[],
  workloads: Array<{ cluster: string } & MetricWorkload>,
): { callers: EdgeReport[]; callees: EdgeReport[] } {
  const mine = new Set(workloads.map(w => `${w.cluster}:${workloadKey(w)}`));
  const accs = { callers: new Map<string, Acc>(), callees: new Map<string, Acc>() };
  const accFor = (w: MetricsWindow, src: MetricWorkload, dst: MetricWorkload) => {
    const out: Acc[] = [];
    for (const [side, own, peer] of [['callees', src, dst], ['callers', dst, src]] as const) {
      if (!mine.has(`${w.cluster}:${workloadKey(own)}`)) continue;
      const key = `${w.cluster}|${workloadKey(own)}|${workloadKey(peer)}`;
      let acc = accs[side].get(key);
      if (!acc) {
        acc = {
          cluster: w.cluster, workload: workloadKey(own), peer: workloadKey(peer), windowSeconds: w.windowSeconds,
          success: 0, failure: 0, securedRequests: 0, buckets: new Map(), bytes: 0, securedBytes: 0, connections: 0, securedConnections: 0,
        };
        accs[side].set(key, acc);
      }
      out.push(acc);
    }
    return out;
  };
  for (const w of windows) {
    // Only the rows with one of the entity's workloads at either end (a row may be both).
    const index = windowIndex(w);
    const keys = keysIn(w.cluster, workloads);
    const rows = <T>(pick: (r: typeof index.edgesBySrc) => Map<string, T[]>) =>
      [...new Set([...rowsOf(pick(index.edgesBySrc), keys), ...rowsOf(pick(index.edgesByDst), keys)])];
    for (const r of rows(x => x.responses)) {
      for (const a of accFor(w, r.workload, r.dst)) {
        if (r.classification === 'success') a.success += r.count;
        else a.failure += r.count;
        if (r.tls === 'true') a.securedRequests += r.count;
        noteTls(a, r.tls === 'true', r.serverId, r.noTlsReason, r.tls);
      }
    }
    for (const b of rows(x => x.latency)) for (const a of accFor(w, b.workload, b.dst)) a.buckets.set(b.le, (a.buckets.get(b.le) ?? 0) + b.count);
    for (const r of rows(x => x.bytes)) {
      for (const a of accFor(w, r.workload, r.dst)) {
        a.bytes += r.bytes;
        if (r.tls === 'true') a.securedBytes += r.bytes;
        noteTls(a, r.tls === 'true', r.serverId, r.noTlsReason, r.tls);
      }
    }
    for (const e of rows(x => x.edges)) {
      // Windows read before the `tls` label was kept: a server identity means mTLS.
      const secured = e.tls !== undefined ? e.tls === 'true' : e.serverId !== undefined;
      for (const a of accFor(w, e.workload, e.dst)) {
        a.connections += e.connections;
        if (secured) a.securedConnections += e.connections;
        noteTls(a, secured, e.serverId, e.noTlsReason, e.tls);
      }
    }
  }
  const sorted = (m: Map<string, Acc>) =>
    [...m.values()].map(report).filter((e): e is EdgeReport => e !== undefined).sort((x, y) => y.rps - x.rps || x.peer.localeCompare(y.peer));
  return { callers: sorted(accs.callers), callees: sorted(accs.callees) };
}
