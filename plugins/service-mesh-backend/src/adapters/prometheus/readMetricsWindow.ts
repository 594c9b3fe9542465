import {
  bucketBound,
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

/** Runs the cycle's batched queries in parallel and turns their vectors into a MetricsWindow. */
export async function readMetricsWindow(
  client: PrometheusClient,
  cluster: string,
  windowSeconds: number,
  end: number,
): Promise<MetricsWindow> {
  const q = metricsQueries(windowSeconds);
  const [
    inbound,
    latency,
    edgeResponses,
    edgeLatency,
    edges,
    crypto,
    leafExpiry,
    issuerTtl,
  ] = await Promise.all([
    client.instant(q.inbound, end),
    client.instant(q.latency, end),
    client.instant(q.edgeResponses, end),
    client.instant(q.edgeLatency, end),
    client.instant(q.edges, end),
    client.instant(q.crypto, end),
    client.instant(q.leafExpiry, end),
    client.instant(q.issuerTtl, end),
  ]);
  const le = (s: VectorSample) => bucketBound(s.metric.le);
  return {
    cluster,
    windowSeconds,
    end,
    inbound: ofWorkload(inbound).map(({ workload, s }) => ({
      workload,
      tls: s.metric.tls ?? '',
      clientId: s.metric.client_id || undefined,
      noTlsReason: s.metric.no_tls_reason || undefined,
      classification:
        s.metric.classification === 'success' ? 'success' : 'failure',
      count: s.value,
    })),
    latency: ofWorkload(latency)
      .filter(({ s }) => !Number.isNaN(le(s)))
      .map(({ workload, s }) => ({ workload, le: le(s), count: s.value })),
    edgeResponses: ofWorkload(edgeResponses).flatMap(({ workload, s }) => {
      const dst = metricWorkload(s.metric, 'dst_');
      const classification =
        s.metric.classification === 'success'
          ? ('success' as const)
          : ('failure' as const);
      return dst
        ? [
            {
              workload,
              dst,
              tls: s.metric.tls ?? '',
              serverId: s.metric.server_id || undefined,
              noTlsReason: s.metric.no_tls_reason || undefined,
              classification,
              count: s.value,
            },
          ]
        : [];
    }),
    edgeLatency: ofWorkload(edgeLatency).flatMap(({ workload, s }) => {
      const dst = metricWorkload(s.metric, 'dst_');
      return dst && !Number.isNaN(le(s))
        ? [{ workload, dst, le: le(s), count: s.value }]
        : [];
    }),
    edges: ofWorkload(edges).flatMap(({ workload, s }) => {
      const dst = metricWorkload(s.metric, 'dst_');
      return dst
        ? [
            {
              workload,
              dst,
              serverId: s.metric.server_id || undefined,
              noTlsReason: s.metric.no_tls_reason || undefined,
              connections: s.value,
            },
          ]
        : [];
    }),
    crypto: ofWorkload(crypto).map(({ workload, s }) => ({
      workload,
      suites: splitAlgorithms(s.metric.tls_suites),
      kxGroups: splitAlgorithms(s.metric.tls_kx_groups),
      fips: s.metric.tls_fips === 'true',
    })),
    leafExpiry: ofWorkload(leafExpiry).map(({ workload, s }) => ({
      workload,
      expiresAt: s.value,
    })),
    issuerTtlSeconds: issuerTtl.find(s => Number.isFinite(s.value))?.value,
  };
}
