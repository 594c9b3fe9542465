import { EdgeReport } from '../../api/EntityMeshReport';
import { histogramQuantile } from './histogramQuantile';
import { MetricsWindow, MetricWorkload, workloadKey } from './metricsWindow';
import { keysIn, rowsOf, windowIndex } from './windowIndex';

interface Acc {
  cluster: string;
  workload: string;
  peer: string;
  success: number;
  failure: number;
  secured: number;
  buckets: Map<number, number>;
  serverId?: string;
  noTlsReason?: string;
  connections: number;
  windowSeconds: number;
}

const round = (x: number, d: number) => Number(x.toFixed(d));

function quantiles(buckets: Map<number, number>) {
  const list = [...buckets].map(([le, count]) => ({ le, count }));
  const q = (x: number) => histogramQuantile(x, list);
  return Number.isNaN(q(0.5)) ? undefined : { p50: round(q(0.5), 2), p95: round(q(0.95), 2), p99: round(q(0.99), 2) };
}

/**
 * Callers and callees of a set of workloads with each edge's success rate, RPS, latency and
 * security, from the calling proxy's outbound metrics (TCP-only edges show connections only).
 * Unmeshed callers have no proxy: they appear in the mTLS report's plaintext, not here.
 */
export function edgeReports(
  windows: MetricsWindow[],
  workloads: Array<{ cluster: string } & MetricWorkload>,
): { callers: EdgeReport[]; callees: EdgeReport[] } {
  const mine = new Set(workloads.map(w => `${w.cluster}:${workloadKey(w)}`));
  const accs = { callers: new Map<string, Acc>(), callees: new Map<string, Acc>() };
  const accFor = (w: MetricsWindow, src: MetricWorkload, dst: MetricWorkload) => {
    const callee = mine.has(`${w.cluster}:${workloadKey(src)}`);
    const caller = mine.has(`${w.cluster}:${workloadKey(dst)}`);
    if (!callee && !caller) return [];
    const out: Acc[] = [];
    for (const [side, own, peer] of [['callees', src, dst], ['callers', dst, src]] as const) {
      if ((side === 'callees' && !callee) || (side === 'callers' && !caller)) continue;
      const key = `${w.cluster}|${workloadKey(own)}|${workloadKey(peer)}`;
      let acc = accs[side].get(key);
      if (!acc) {
        acc = { cluster: w.cluster, workload: workloadKey(own), peer: workloadKey(peer), success: 0, failure: 0, secured: 0, buckets: new Map(), connections: 0, windowSeconds: w.windowSeconds };
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
        if (r.tls === 'true') { a.secured += r.count; a.serverId = r.serverId; } else a.noTlsReason ??= r.noTlsReason ?? r.tls;
      }
    }
    for (const b of rows(x => x.latency)) for (const a of accFor(w, b.workload, b.dst)) a.buckets.set(b.le, (a.buckets.get(b.le) ?? 0) + b.count);
    for (const e of rows(x => x.edges)) {
      for (const a of accFor(w, e.workload, e.dst)) {
        a.connections += e.connections;
        if (e.serverId) a.serverId = e.serverId;
        else a.noTlsReason ??= e.noTlsReason;
      }
    }
  }
  const report = (a: Acc): EdgeReport => {
    const total = a.success + a.failure;
    const mtls = total > 0 ? a.secured * 2 >= total : a.serverId !== undefined;
    return {
      cluster: a.cluster, peer: a.peer, workload: a.workload,
      successRate: total > 0 ? round(a.success / total, 6) : undefined,
      rps: round(total / a.windowSeconds, 4),
      latencyMs: total > 0 ? quantiles(a.buckets) : undefined,
      security: mtls ? 'mtls' : 'plaintext',
      serverId: mtls ? a.serverId : undefined,
      noTlsReason: mtls ? undefined : a.noTlsReason,
      connections: round(a.connections, 3),
    };
  };
  const sorted = (m: Map<string, Acc>) => [...m.values()].map(report).sort((x, y) => y.rps - x.rps || x.peer.localeCompare(y.peer));
  return { callers: sorted(accs.callers), callees: sorted(accs.callees) };
}
