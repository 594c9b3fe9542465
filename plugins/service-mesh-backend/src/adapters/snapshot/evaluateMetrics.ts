import {
  bucketBound,
  metricWorkload,
  MetricsWindow,
  splitAlgorithms,
} from '@meshlens/plugin-service-mesh-common';
import { increase, valueAt } from './evaluateSeries';
import { RecordedSeries } from './parseOpenMetrics';

/**
 * Evaluates a cluster's recorded proxy samples over [end - window, end] into the same
 * per-workload aggregates the Prometheus adapter's batched queries return.
 */
export function evaluateMetrics(series: RecordedSeries[], cluster: string, end: number, windowSeconds: number): MetricsWindow {
  const out: MetricsWindow = { cluster, windowSeconds, end, inbound: [], latency: [], edges: [], edgeResponses: [], edgeLatency: [], crypto: [], leafExpiry: [] };
  const sums = new Map<string, { value: number; make: (v: number) => void }>();
  const addTo = (key: string, value: number, make: (v: number) => void) => {
    const e = sums.get(key);
    if (e) e.value += value;
    else sums.set(key, { value, make });
  };
  const expiry = new Map<string, { w: ReturnType<typeof metricWorkload>; t: number }>();
  for (const s of series) {
    const l = s.labels;
    if (s.name === 'issuer_cert_ttl_seconds') {
      const v = valueAt(s.samples, end);
      if (v !== undefined) out.issuerTtlSeconds = Math.min(out.issuerTtlSeconds ?? Infinity, v);
      continue;
    }
    const workload = metricWorkload(l);
    if (!workload) continue;
    const wk = `${workload.namespace}/${workload.kind}/${workload.name}`;
    if (s.name === 'response_total' && l.direction === 'inbound') {
      const v = increase(s.samples, end, windowSeconds);
      const classification = l.classification === 'success' ? 'success' : 'failure';
      if (v !== undefined) addTo(`in|${wk}|${l.tls}|${l.client_id ?? ''}|${l.no_tls_reason ?? ''}|${classification}`, v, value =>
        out.inbound.push({ workload, tls: l.tls ?? '', clientId: l.client_id || undefined, noTlsReason: l.no_tls_reason || undefined, classification, count: value }));
    } else if (s.name === 'response_latency_ms_bucket' && l.direction === 'inbound') {
      const v = increase(s.samples, end, windowSeconds);
      const le = bucketBound(l.le);
      if (v !== undefined) addTo(`lat|${wk}|${le}`, v, value => out.latency.push({ workload, le, count: value }));
    } else if (s.name === 'response_total' && l.direction === 'outbound') {
      const v = increase(s.samples, end, windowSeconds);
      const dst = metricWorkload(l, 'dst_');
      const classification = l.classification === 'success' ? 'success' : 'failure';
      if (v !== undefined && dst) addTo(`eresp|${wk}|${dst.namespace}/${dst.kind}/${dst.name}|${l.tls}|${l.server_id ?? ''}|${l.no_tls_reason ?? ''}|${classification}`, v, value =>
        out.edgeResponses.push({ workload, dst, tls: l.tls ?? '', serverId: l.server_id || undefined, noTlsReason: l.no_tls_reason || undefined, classification, count: value }));
    } else if (s.name === 'response_latency_ms_bucket' && l.direction === 'outbound') {
      const v = increase(s.samples, end, windowSeconds);
      const dst = metricWorkload(l, 'dst_');
      const le = bucketBound(l.le);
      if (v !== undefined && dst) addTo(`elat|${wk}|${dst.namespace}/${dst.kind}/${dst.name}|${le}`, v, value => out.edgeLatency.push({ workload, dst, le, count: value }));
    } else if (s.name === 'tcp_open_connections' && l.direction === 'outbound') {
      const v = valueAt(s.samples, end);
      const dst = metricWorkload(l, 'dst_');
      if (v !== undefined && dst) addTo(`edge|${wk}|${dst.namespace}/${dst.kind}/${dst.name}|${l.server_id ?? ''}|${l.no_tls_reason ?? ''}`, v, value =>
        out.edges.push({ workload, dst, serverId: l.server_id || undefined, noTlsReason: l.no_tls_reason || undefined, connections: value }));
    } else if (s.name === 'rustls_info' && valueAt(s.samples, end) !== undefined) {
      addTo(`crypto|${wk}|${l.tls_suites}|${l.tls_kx_groups}|${l.tls_fips}`, 0, () =>
        out.crypto.push({ workload, suites: splitAlgorithms(l.tls_suites), kxGroups: splitAlgorithms(l.tls_kx_groups), fips: l.tls_fips === 'true' }));
    } else if (s.name === 'control_identity_cert_expiration_timestamp_seconds') {
      const v = valueAt(s.samples, end);
      const prev = expiry.get(wk);
      if (v !== undefined && (!prev || v < prev.t)) expiry.set(wk, { w: workload, t: v });
    }
  }
  for (const { value, make } of sums.values()) make(value);
  for (const { w, t } of expiry.values()) out.leafExpiry.push({ workload: w!, expiresAt: t });
  return out;
}
