import { MtlsReport } from '../../api/EntityMeshReport';
import { excludedTraffic, tcpOnlyRows } from './inboundTraffic';
import { InboundTcp, MetricsWindow, MetricWorkload, workloadKey } from './metricsWindow';
import { keysIn, rowsOf, windowIndex } from './windowIndex';

/** The post-quantum hybrid key exchange Linkerd 2.19 prefers. */
export const POST_QUANTUM_KX = 'X25519MLKEM768';

const share = (n: number, total: number) => (total === 0 ? 0 : Number((n / total).toFixed(6)));
const round = (n: number) => Number(n.toFixed(3));
const split = (list: string) => list.split(',').filter(Boolean);
const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
const byValue = (a: [string, number], b: [string, number]) => b[1] - a[1];

/** Unmeshed clients of an ingress-facing entity reach it without identity: expected plaintext. */
const isExpected = (reason: string, ingressFacing: boolean) => ingressFacing && reason === 'no_tls_from_remote';

/** TCP-only traffic: share over mTLS by bytes read, or by open connections when no byte moved. */
function tcpShare(rows: ReturnType<typeof tcpOnlyRows>, ingressFacing: boolean): MtlsReport['tcp'] {
  const bytes = rows.reduce((n, r) => n + r.bytes, 0);
  const connections = rows.reduce((n, r) => n + r.connections, 0);
  if (bytes === 0 && connections === 0) return undefined;
  const weight = (r: { bytes: number; connections: number }) => (bytes > 0 ? r.bytes : r.connections);
  const total = bytes > 0 ? bytes : connections;
  const clients = new Map<string, { bytes: number; connections: number }>();
  const plain = new Map<string, { bytes: number; connections: number }>();
  let secured = 0;
  for (const r of rows) {
    const bucket = r.tls === 'true' ? clients : plain;
    const key = r.tls === 'true' ? r.clientId || '(no client identity)' : r.noTlsReason || r.tls;
    const acc = bucket.get(key) ?? { bytes: 0, connections: 0 };
    bucket.set(key, { bytes: acc.bytes + r.bytes, connections: acc.connections + r.connections });
    if (r.tls === 'true') secured += weight(r);
  }
  const list = (m: typeof clients) => [...m].sort((a, b) => weight(b[1]) - weight(a[1]));
  return {
    inboundTlsRatio: share(secured, total),
    bytes: round(bytes),
    connections: round(connections),
    byClient: list(clients).map(([clientId, v]) => ({ clientId, bytes: round(v.bytes), connections: round(v.connections), share: share(weight(v), total) })),
    plaintext: list(plain).map(([reason, v]) => ({
      reason, bytes: round(v.bytes), connections: round(v.connections), share: share(weight(v), total), expected: isExpected(reason, ingressFacing),
    })),
  };
}

/**
 * mTLS of a set of workloads: the share of inbound requests with `tls="true"` by client identity
 * (kubelet probes and admin-port traffic left out, shown apart as expected plaintext), the
 * plaintext rest by reason (unmeshed clients of an ingress-facing entity are expected), TCP-only
 * ports from the TCP families, the outbound connections with their server identity, the
 * configured crypto and leaf expiry. Undefined when nothing was received or opened in the window.
 */
export function mtlsReport(
  windows: MetricsWindow[],
  workloads: Array<{ cluster: string } & MetricWorkload>,
  opts: { ingressFacing: boolean },
): MtlsReport | undefined {
  const mine = new Map(windows.map(w => [w, { index: windowIndex(w), keys: keysIn(w.cluster, workloads) }]));
  const clients = new Map<string, number>();
  const plain = new Map<string, number>();
  const excluded = new Map<string, number>();
  let total = 0;
  let tls = 0;
  const tcpRows: InboundTcp[] = [];
  for (const w of windows) {
    const { index, keys } = mine.get(w)!;
    const http = rowsOf(index.inbound, keys);
    tcpRows.push(...tcpOnlyRows(http, rowsOf(index.inboundTcp, keys)));
    for (const r of http) {
      const skip = excludedTraffic(r);
      if (skip) {
        add(excluded, skip, r.count);
        continue;
      }
      total += r.count;
      if (r.tls === 'true') {
        tls += r.count;
        add(clients, r.clientId || '(no client identity)', r.count);
      } else add(plain, r.noTlsReason || r.tls, r.count);
    }
  }
  const tcp = tcpShare(tcpRows, opts.ingressFacing);
  const outbound = windows.flatMap(w =>
    rowsOf(mine.get(w)!.index.edgesBySrc.edges, mine.get(w)!.keys).map(e => ({
      cluster: w.cluster, from: workloadKey(e.workload), to: workloadKey(e.dst),
      serverId: e.serverId, noTlsReason: e.noTlsReason, connections: e.connections,
    })),
  );
  if (total === 0 && !tcp && outbound.length === 0 && excluded.size === 0) return undefined;
  const ratios = [...(total > 0 ? [share(tls, total)] : []), ...(tcp ? [tcp.inboundTlsRatio] : [])];
  const crypto = windows.flatMap(w => rowsOf(mine.get(w)!.index.crypto, mine.get(w)!.keys))[0];
  const expiries = windows.flatMap(w => rowsOf(mine.get(w)!.index.leafExpiry, mine.get(w)!.keys).map(l => l.expiresAt));
  return {
    // Nothing but probes and admin traffic arrived: no caller reached it in plaintext.
    inboundTlsRatio: ratios.length ? Math.min(...ratios) : 1,
    inboundRequests: round(total),
    byClient: [...clients].sort(byValue).map(([clientId, n]) => ({ clientId, requests: round(n), share: share(n, total) })),
    plaintext: [...plain].sort(byValue).map(([reason, n]) => ({
      reason, requests: round(n), share: share(n, total), expected: isExpected(reason, opts.ingressFacing),
    })),
    tcp,
    excluded: [...excluded].sort(byValue).map(([kind, n]) => ({ kind: kind as 'probe' | 'admin', requests: round(n) })),
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
