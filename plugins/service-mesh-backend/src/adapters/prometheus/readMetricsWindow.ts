import {
  bucketBound,
  InboundTcp,
  metricWorkload,
  MetricsWindow,
  splitAlgorithms,
} from '@meshlens/plugin-service-mesh-common';
import { metricsQueries } from './metricsQueries';
import { PrometheusClient, VectorSample } from './PrometheusClient';

const ofWorkload = (samples: VectorSample[]) =>
  samples.flatMap(s => {
    const workload = metricWorkload(s.metric);
    return workload && Number.isFinite(s.value) ? [{ workload, s }] : [];
  });

const ofEdge = (samples: VectorSample[]) =>
  ofWorkload(samples).flatMap(({ workload, s }) => {
    const dst = metricWorkload(s.metric, 'dst_');
    return dst ? [{ workload, dst, s }] : [];
  });

const optional = (v: string | undefined) => v || undefined;
const classification = (s: VectorSample) => (s.metric.classification === 'success' ? ('success' as const) : ('failure' as const));
const tlsOf = (s: VectorSample, peer: 'client_id' | 'server_id') => ({
  tls: s.metric.tls ?? '',
  [peer === 'client_id' ? 'clientId' : 'serverId']: optional(s.metric[peer]),
  noTlsReason: optional(s.metric.no_tls_reason),
});

/** Inbound TCP bytes and open connections joined on workload, port and TLS labels. */
function inboundTcp(bytes: VectorSample[], open: VectorSample[]): InboundTcp[] {
  const rows = new Map<string, InboundTcp>();
  const rowOf = (w: InboundTcp['workload'], s: VectorSample) => {
    const key = JSON.stringify([w, s.metric.target_port, s.metric.tls, s.metric.client_id, s.metric.no_tls_reason]);
    let row = rows.get(key);
    if (!row) {
      row = { workload: w, targetPort: optional(s.metric.target_port), ...tlsOf(s, 'client_id'), bytes: 0, connections: 0 } as InboundTcp;
      rows.set(key, row);
    }
    return row;
  };
  for (const { workload, s } of ofWorkload(bytes)) rowOf(workload, s).bytes += s.value;
  for (const { workload, s } of ofWorkload(open)) rowOf(workload, s).connections += s.value;
  return [...rows.values()];
}

/** Runs the cycle's batched queries in parallel and turns their vectors into a MetricsWindow. */
export async function readMetricsWindow(
  client: PrometheusClient,
  cluster: string,
  windowSeconds: number,
  end: number,
): Promise<MetricsWindow> {
  const q = metricsQueries(windowSeconds);
  const names = Object.keys(q) as Array<keyof typeof q>;
  const results = await Promise.all(names.map(n => client.instant(q[n], end)));
  const r = Object.fromEntries(names.map((n, i) => [n, results[i]])) as Record<keyof typeof q, VectorSample[]>;
  const le = (s: VectorSample) => bucketBound(s.metric.le);
  return {
    cluster,
    windowSeconds,
    end,
    inbound: ofWorkload(r.inbound).map(({ workload, s }) => ({
      workload,
      ...tlsOf(s, 'client_id'),
      classification: classification(s),
      count: s.value,
      targetPort: optional(s.metric.target_port),
      routeName: optional(s.metric.route_name),
    })),
    latency: ofWorkload(r.latency)
      .filter(({ s }) => !Number.isNaN(le(s)))
      .map(({ workload, s }) => ({ workload, le: le(s), count: s.value })),
    inboundTcp: inboundTcp(r.inboundTcpBytes, r.inboundTcpOpen),
    edgeResponses: ofEdge(r.edgeResponses).map(({ workload, dst, s }) => ({
      workload, dst, tls: s.metric.tls ?? '', serverId: optional(s.metric.server_id), noTlsReason: optional(s.metric.no_tls_reason),
      classification: classification(s), count: s.value,
    })),
    zones: ofWorkload(r.zones).map(({ workload, s }) => ({ workload, locality: s.metric.dst_zone_locality || 'unknown', requests: s.value })),
    edgeLatency: ofEdge(r.edgeLatency)
      .filter(({ s }) => !Number.isNaN(le(s)))
      .map(({ workload, dst, s }) => ({ workload, dst, le: le(s), count: s.value })),
    edgeBytes: ofEdge([...r.edgeBytesWritten, ...r.edgeBytesRead]).map(({ workload, dst, s }) => ({
      workload, dst, tls: s.metric.tls ?? '', serverId: optional(s.metric.server_id), noTlsReason: optional(s.metric.no_tls_reason), bytes: s.value,
    })),
    edges: ofEdge(r.edges).map(({ workload, dst, s }) => ({
      workload, dst, tls: s.metric.tls ?? '', serverId: optional(s.metric.server_id), noTlsReason: optional(s.metric.no_tls_reason), connections: s.value,
    })),
    crypto: ofWorkload(r.crypto).map(({ workload, s }) => ({
      workload,
      suites: splitAlgorithms(s.metric.tls_suites),
      kxGroups: splitAlgorithms(s.metric.tls_kx_groups),
      fips: s.metric.tls_fips === 'true',
    })),
    leafExpiry: ofWorkload(r.leafExpiry).map(({ workload, s }) => ({ workload, expiresAt: s.value })),
    issuerTtlSeconds: r.issuerTtl.find(s => Number.isFinite(s.value))?.value,
  };
}
