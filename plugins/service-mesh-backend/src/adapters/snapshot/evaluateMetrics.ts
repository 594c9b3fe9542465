import {
  bucketBound,
  InboundTcp,
  MetricWorkload,
  metricWorkload,
  MetricsWindow,
  splitAlgorithms,
  workloadKey,
} from '@meshlens/plugin-service-mesh-common';
import { increase, valueAt } from './evaluateSeries';
import { RecordedSeries } from './parseOpenMetrics';

type Labels = Record<string, string>;

/**
 * Evaluates a cluster's recorded proxy samples over [end - window, end] into the same
 * per-workload aggregates the Prometheus adapter's batched queries return (metricsQueries.ts):
 * the same selectors, the same group-by labels, series without an owner label by pod.
 */
export function evaluateMetrics(series: RecordedSeries[], cluster: string, end: number, windowSeconds: number): MetricsWindow {
  const out: Required<Omit<MetricsWindow, 'issuerTtlSeconds'>> & Pick<MetricsWindow, 'issuerTtlSeconds'> = {
    cluster, windowSeconds, end, inbound: [], latency: [], inboundTcp: [], zones: [], edges: [], edgeBytes: [], edgeResponses: [], edgeLatency: [], crypto: [], leafExpiry: [],
  };
  const sums = new Map<string, { value: number; make: (v: number) => void }>();
  const addTo = (key: string, value: number, make: (v: number) => void) => {
    const e = sums.get(key);
    if (e) e.value += value;
    else sums.set(key, { value, make });
  };
  const tcp = new Map<string, InboundTcp>();
  const expiry = new Map<string, { w: MetricWorkload; t: number }>();
  const tlsOf = (l: Labels, peer: 'client_id' | 'server_id') => `${l.tls}|${l[peer] ?? ''}|${l.no_tls_reason ?? ''}`;
  const opt = (v: string | undefined) => v || undefined;
  for (const s of series) {
    const l = s.labels;
    if (s.name === 'issuer_cert_ttl_seconds') {
      const v = valueAt(s.samples, end);
      if (v !== undefined) out.issuerTtlSeconds = Math.min(out.issuerTtlSeconds ?? Infinity, v);
      continue;
    }
    const workload = metricWorkload(l);
    if (!workload) continue;
    const wk = workloadKey(workload);
    const dst = metricWorkload(l, 'dst_');
    const dk = dst && workloadKey(dst);
    const inc = () => increase(s.samples, end, windowSeconds);
    const classification = l.classification === 'success' ? 'success' : 'failure';
    if (s.name === 'response_total' && l.direction === 'inbound') {
      const v = inc();
      if (v !== undefined) addTo(`in|${wk}|${l.target_port}|${l.route_name}|${tlsOf(l, 'client_id')}|${classification}`, v, count =>
        out.inbound.push({ workload, tls: l.tls ?? '', clientId: opt(l.client_id), noTlsReason: opt(l.no_tls_reason), classification, count, targetPort: opt(l.target_port), routeName: opt(l.route_name) }));
    } else if (s.name === 'response_latency_ms_bucket' && l.direction === 'inbound') {
      const v = inc();
      const le = bucketBound(l.le);
      if (v !== undefined) addTo(`lat|${wk}|${le}`, v, count => out.latency.push({ workload, le, count }));
    } else if ((s.name === 'tcp_read_bytes_total' || s.name === 'tcp_open_connections') && l.direction === 'inbound' && l.peer === 'src') {
      const v = s.name === 'tcp_open_connections' ? valueAt(s.samples, end) : inc();
      if (v === undefined) continue;
      const key = `${wk}|${l.target_port}|${tlsOf(l, 'client_id')}`;
      let row = tcp.get(key);
      if (!row) {
        row = { workload, targetPort: opt(l.target_port), tls: l.tls ?? '', clientId: opt(l.client_id), noTlsReason: opt(l.no_tls_reason), bytes: 0, connections: 0 };
        tcp.set(key, row);
      }
      if (s.name === 'tcp_open_connections') row.connections += v;
      else row.bytes += v;
    } else if (s.name === 'response_total' && l.direction === 'outbound') {
      const v = inc();
      const locality = l.dst_zone_locality || 'unknown';
      if (v !== undefined) addTo(`zone|${wk}|${locality}`, v, requests => out.zones.push({ workload, locality, requests }));
      if (v !== undefined && dst) addTo(`eresp|${wk}|${dk}|${tlsOf(l, 'server_id')}|${classification}`, v, count =>
        out.edgeResponses.push({ workload, dst, tls: l.tls ?? '', serverId: opt(l.server_id), noTlsReason: opt(l.no_tls_reason), classification, count }));
    } else if (s.name === 'response_latency_ms_bucket' && l.direction === 'outbound' && dst) {
      const v = inc();
      const le = bucketBound(l.le);
      if (v !== undefined) addTo(`elat|${wk}|${dk}|${le}`, v, count => out.edgeLatency.push({ workload, dst, le, count }));
    } else if ((s.name === 'tcp_read_bytes_total' || s.name === 'tcp_write_bytes_total') && l.direction === 'outbound' && l.peer === 'dst' && dst) {
      const v = inc();
      if (v !== undefined) addTo(`ebytes|${wk}|${dk}|${tlsOf(l, 'server_id')}`, v, bytes =>
        out.edgeBytes.push({ workload, dst, tls: l.tls ?? '', serverId: opt(l.server_id), noTlsReason: opt(l.no_tls_reason), bytes }));
    } else if (s.name === 'tcp_open_connections' && l.direction === 'outbound' && l.peer === 'dst' && dst) {
      const v = valueAt(s.samples, end);
      if (v !== undefined) addTo(`edge|${wk}|${dk}|${tlsOf(l, 'server_id')}`, v, connections =>
        out.edges.push({ workload, dst, tls: l.tls ?? '', serverId: opt(l.server_id), noTlsReason: opt(l.no_tls_reason), connections }));
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
  out.inboundTcp.push(...tcp.values());
  for (const { w, t } of expiry.values()) out.leafExpiry.push({ workload: w, expiresAt: t });
  return out;
}
