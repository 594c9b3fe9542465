import { PolicyActivityKind, PolicySample, RouteSample, RouteSampleKind } from '@meshlens/plugin-service-mesh-common';
import { ROUTE_FAMILIES } from '../prometheus/routeQueries';
import { evaluateGrouped } from './evaluateGrouped';
import { RecordedSeries } from './parseOpenMetrics';

/** The route families of routeQueries.ts evaluated on a snapshot's recorded samples. */
export function evaluateRouteSamples(series: RecordedSeries[], cluster: string, end: number, windowSeconds: number): RouteSample[] {
  return (Object.keys(ROUTE_FAMILIES) as RouteSampleKind[]).flatMap(kind =>
    evaluateGrouped(series, end, windowSeconds, ROUTE_FAMILIES[kind]).map(g => ({ cluster, kind, ...g })));
}

const TLS = ['tls', 'client_id'];
const SERVER = ['srv_kind', 'srv_name'];
const ROUTE = ['route_kind', 'route_name'];
/** The selectors and groupings of policyQueries.ts, for recorded samples. */
const POLICY_FAMILIES: Record<PolicyActivityKind, { name: string; by: string[]; match?: Record<string, string>; perWorkload: true }> = {
  'http-denied': { name: 'inbound_http_authz_deny_total', by: [...SERVER, ...ROUTE, ...TLS], perWorkload: true },
  'tcp-denied': { name: 'inbound_tcp_authz_deny_total', by: [...SERVER, ...TLS], perWorkload: true },
  'rate-limited': { name: 'inbound_http_local_ratelimit_total', by: [...SERVER, 'ratelimit_kind', 'ratelimit_name', 'ratelimit_scope', ...TLS], perWorkload: true },
  'audit-allowed': { name: 'inbound_http_authz_allow_total', by: [...SERVER, ...ROUTE, ...TLS], match: { authz_kind: 'default', authz_name: 'audit' }, perWorkload: true },
};

/** The policy families of policyQueries.ts evaluated on a snapshot's recorded samples. */
export function evaluatePolicySamples(series: RecordedSeries[], cluster: string, end: number, windowSeconds: number): PolicySample[] {
  return (Object.keys(POLICY_FAMILIES) as PolicyActivityKind[]).flatMap(kind =>
    evaluateGrouped(series, end, windowSeconds, POLICY_FAMILIES[kind]).map(g => ({ cluster, kind, workload: g.workload!, labels: g.labels, count: g.value })));
}
