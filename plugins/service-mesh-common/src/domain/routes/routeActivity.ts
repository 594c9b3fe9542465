import { InboundRouteTraffic, RouteActivity, RouteBackendActivity } from '../../api/RouteActivity';
import { WorkloadPolicy } from '../../api/EntityMeshReport';
import { MetricWorkload, workloadKey } from '../metrics/metricsWindow';
import { frameSizeBand, leOf } from './frameSizeBand';
import { isFailure, RouteSample, TIMEOUT_ERRORS } from './routeSample';

/** A workload of the entity with the HTTPRoutes of its Services (from its WorkloadPolicy). */
export interface RoutedWorkload extends MetricWorkload {
  cluster: string;
  httpRoutes: WorkloadPolicy['httpRoutes'];
}

const round = (n: number) => Number(n.toFixed(3));
const share = (n: number, of: number) => (of > 0 ? Number((n / of).toFixed(4)) : undefined);
const backendKey = (l: Record<string, string>) =>
  l.backend_kind === 'Service' ? `Service/${l.backend_name}:${l.backend_port}` : `${l.backend_kind || '?'}/${l.backend_name || '?'}`;

/**
 * Each HTTPRoute of the entity's workloads as its callers' proxies counted it: requests, failures,
 * timeouts (the `error` label) and retries per route; per backend the observed split next to the
 * configured weights, and the backends that fail every request by design. A route's samples are
 * those whose `route_namespace`/`route_name`/`route_group` name it (`route_kind="HTTPRoute"`),
 * whatever the client. Linkerd marks a failure-injection backend in two ways (linkerd2 edge-25.10.7
 * `policy-controller/grpc/src/outbound/http.rs`): a backendRef to a missing Service keeps its
 * Service metadata and gets a 500 failure injector; an unsupported backendRef becomes `default/invalid`.
 * `serviceExists` tells which Services exist. Routes with no sample at all are left out.
 */
export function routeActivity(samples: RouteSample[], workloads: RoutedWorkload[], serviceExists: (cluster: string, namespace: string, name: string) => boolean): RouteActivity[] {
  const out: RouteActivity[] = [];
  for (const w of workloads) {
    for (const r of w.httpRoutes) {
      const mine = samples.filter(s => s.cluster === w.cluster && s.labels.route_kind === 'HTTPRoute' && s.labels.route_namespace === w.namespace && s.labels.route_name === r.name && (s.labels.route_group ?? '') === r.group);
      if (mine.length === 0) continue;
      const a: RouteActivity = {
        cluster: w.cluster, workload: workloadKey(w), route: `${w.namespace}/${r.name}`, group: r.group,
        parents: [...new Set(mine.map(s => `${s.labels.parent_kind}/${s.labels.parent_name}:${s.labels.parent_port}`))].sort(),
        configured: { ...(r.retries ? { retries: r.retries } : {}), ...(r.timeout ? { timeout: r.timeout } : {}) },
        requests: 0, failures: 0, timeouts: {}, retries: { requests: 0, successes: 0, limitExceeded: 0, overflow: 0 }, backends: [],
      };
      const weights = r.backends.reduce((t, b) => t + b.weight, 0);
      const backends = new Map<string, RouteBackendActivity>();
      for (const b of r.backends) {
        const key = `Service/${b.name}:${b.port ?? ''}`;
        backends.set(key, {
          backend: key, weight: b.weight, configuredShare: share(b.weight, weights), requests: 0, failures: 0,
          ...(serviceExists(w.cluster, w.namespace, b.name) ? {} : { failureInjection: 'missing-service' as const }),
        });
      }
      const backend = (l: Record<string, string>) => {
        const key = backendKey(l);
        let b = backends.get(key);
        if (!b) backends.set(key, (b = { backend: key, requests: 0, failures: 0, ...(key === 'default/invalid' ? { failureInjection: 'invalid-backend' as const } : {}) }));
        return b;
      };
      for (const s of mine) {
        const l = s.labels;
        if (s.kind === 'route-statuses') {
          a.requests += s.value;
          if (isFailure(l)) a.failures += s.value;
          if (TIMEOUT_ERRORS.includes(l.error)) a.timeouts[l.error] = round((a.timeouts[l.error] ?? 0) + s.value);
        } else if (s.kind === 'retry-requests') a.retries.requests += s.value;
        else if (s.kind === 'retry-successes') a.retries.successes += s.value;
        else if (s.kind === 'retry-limit-exceeded') a.retries.limitExceeded += s.value;
        else if (s.kind === 'retry-overflow') a.retries.overflow += s.value;
        else if (s.kind === 'backend-requests') backend(l).requests += s.value;
        else if (s.kind === 'backend-statuses' && isFailure(l)) backend(l).failures += s.value;
      }
      const dispatched = [...backends.values()].reduce((t, b) => t + b.requests, 0);
      a.backends = [...backends.values()].map(b => ({ ...b, requests: round(b.requests), failures: round(b.failures), ...(share(b.requests, dispatched) === undefined ? {} : { observedShare: share(b.requests, dispatched) }) }));
      a.requests = round(a.requests);
      a.failures = round(a.failures);
      a.retries = { requests: round(a.retries.requests), successes: round(a.retries.successes), limitExceeded: round(a.retries.limitExceeded), overflow: round(a.retries.overflow) };
      out.push(a);
    }
  }
  return out;
}

/**
 * The entity's inbound requests by Server and route from the 2.19 per-route counters
 * (`inbound_http_requests_total`), with the band of their response frame sizes
 * (`inbound_http_response_frame_size_bytes`); label sets from linkerd2-proxy
 * `linkerd/app/inbound/src/http/router/metrics/labels.rs`. Largest first.
 */
export function inboundRouteTraffic(samples: RouteSample[], workloads: Array<{ cluster: string } & MetricWorkload>): InboundRouteTraffic[] {
  const mine = new Set(workloads.map(w => `${w.cluster}:${workloadKey(w)}`));
  const rows = new Map<string, InboundRouteTraffic & { buckets: Map<number, number> }>();
  for (const s of samples) {
    if (!s.workload || (s.kind !== 'inbound-requests' && s.kind !== 'inbound-frames')) continue;
    const wk = workloadKey(s.workload);
    if (!mine.has(`${s.cluster}:${wk}`)) continue;
    const l = s.labels;
    const server = `${l.parent_kind || '?'}/${l.parent_name || '?'}:${l.parent_port ?? ''}`;
    const route = `${l.route_kind || '?'}/${l.route_name || '?'}`;
    const key = `${s.cluster}|${wk}|${server}|${route}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { cluster: s.cluster, workload: wk, server, route, requests: 0, buckets: new Map() }));
    if (s.kind === 'inbound-requests') row.requests += s.value;
    else row.buckets.set(leOf(l.le), (row.buckets.get(leOf(l.le)) ?? 0) + s.value);
  }
  return [...rows.values()].map(({ buckets, ...row }) => {
    const frames = frameSizeBand([...buckets].map(([le, count]) => ({ le, count })));
    return { ...row, requests: round(row.requests), ...(frames ? { responseFrames: { frames: round(frames.frames), band: frames.band } } : {}) };
  }).filter(r => r.requests > 0 || r.responseFrames).sort((a, b) => b.requests - a.requests || a.route.localeCompare(b.route));
}
