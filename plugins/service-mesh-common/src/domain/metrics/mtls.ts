import { MtlsReport } from '../../api/EntityMeshReport';
import { MetricsWindow, MetricWorkload, workloadKey } from './metricsWindow';
import { keysIn, rowsOf, windowIndex } from './windowIndex';

/** The post-quantum hybrid key exchange Linkerd 2.19 prefers. */
export const POST_QUANTUM_KX = 'X25519MLKEM768';

const share = (n: number, total: number) => (total === 0 ? 0 : Number((n / total).toFixed(6)));
const split = (list: string) => list.split(',').filter(Boolean);

/**
 * mTLS of a set of workloads: the share of inbound requests with `tls="true"` by client identity,
 * the plaintext rest by reason (unmeshed clients of an ingress-facing entity are expected), the
 * outbound connections with their server identity, the configured crypto and leaf expiry.
 * Undefined when the workloads received no request and opened no connection in the window.
 */
export function mtlsReport(
  windows: MetricsWindow[],
  workloads: Array<{ cluster: string } & MetricWorkload>,
  opts: { ingressFacing: boolean },
): MtlsReport | undefined {
  const mine = new Map(windows.map(w => [w, { index: windowIndex(w), keys: keysIn(w.cluster, workloads) }]));
  const clients = new Map<string, number>();
  const plain = new Map<string, number>();
  let total = 0;
  let tls = 0;
  for (const w of windows) {
    const { index, keys } = mine.get(w)!;
    for (const r of rowsOf(index.inbound, keys)) {
      total += r.count;
      if (r.tls === 'true') {
        tls += r.count;
        const id = r.clientId || '(no client identity)';
        clients.set(id, (clients.get(id) ?? 0) + r.count);
      } else {
        const reason = r.noTlsReason || r.tls;
        plain.set(reason, (plain.get(reason) ?? 0) + r.count);
      }
    }
  }
  const outbound = windows.flatMap(w =>
    rowsOf(mine.get(w)!.index.edgesBySrc.edges, mine.get(w)!.keys).map(e => ({
      cluster: w.cluster, from: workloadKey(e.workload), to: workloadKey(e.dst),
      serverId: e.serverId, noTlsReason: e.noTlsReason, connections: e.connections,
    })),
  );
  if (total === 0 && outbound.length === 0) return undefined;
  const crypto = windows.flatMap(w => rowsOf(mine.get(w)!.index.crypto, mine.get(w)!.keys))[0];
  const expiries = windows.flatMap(w => rowsOf(mine.get(w)!.index.leafExpiry, mine.get(w)!.keys).map(l => l.expiresAt));
  return {
    inboundTlsRatio: share(tls, total),
    inboundRequests: Number(total.toFixed(3)),
    byClient: [...clients].sort((a, b) => b[1] - a[1]).map(([clientId, n]) => ({ clientId, requests: Number(n.toFixed(3)), share: share(n, total) })),
    plaintext: [...plain].sort((a, b) => b[1] - a[1]).map(([reason, n]) => ({
      reason, requests: Number(n.toFixed(3)), share: share(n, total),
      expected: opts.ingressFacing && reason === 'no_tls_from_remote',
    })),
    outbound,
    crypto: crypto && {
      suites: crypto.suites.length ? crypto.suites : [],
      kxGroups: crypto.kxGroups,
      postQuantumPreferred: crypto.kxGroups[0] === POST_QUANTUM_KX,
      fips: crypto.fips,
    },
    leafCertificateExpiresAt: expiries.length ? new Date(Math.min(...expiries) * 1000).toISOString() : undefined,
    observedAt: new Date(Math.max(...windows.map(w => w.end)) * 1000).toISOString(),
  };
}

/** Splits rustls_info's comma-joined lists (they end with a trailing comma). */
export function splitAlgorithms(list: string | undefined): string[] {
  return split(list ?? '');
}
