import { InboundResponses, InboundTcp, PROXY_ADMIN_PORT, workloadKey } from './metricsWindow';

/** Why inbound traffic is left out of the mTLS share: it is plaintext by design. */
export type ExcludedTraffic = 'probe' | 'admin';

/**
 * Kubelet probes and the proxy's admin port are expected plaintext, not callers:
 * - probes arrive on the route the policy controller generates for the pod's probe paths,
 *   `RouteRef::Default("probe")` → `route_name="probe"` (linkerd2
 *   `policy-controller/k8s/index/src/inbound/index.rs`), from the node without a client identity;
 * - the admin server (4191: Prometheus scrapes, the proxy's own `/live` and `/ready` probes) records
 *   its requests with the inbound endpoint labels, `target_addr` on the admin port (linkerd2-proxy
 *   `linkerd/app/admin/src/stack.rs`).
 */
export function excludedTraffic(r: Pick<InboundResponses, 'routeName' | 'targetPort'>): ExcludedTraffic | undefined {
  if (r.routeName === 'probe') return 'probe';
  if (r.targetPort === PROXY_ADMIN_PORT) return 'admin';
  return undefined;
}

/**
 * Inbound TCP rows on ports that carried no HTTP request in the window: opaque and
 * server-speaks-first servers, whose traffic shows only in the TCP families. Every HTTP
 * connection also appears in the TCP families, so ports with HTTP requests are left to the
 * request-based share; the admin port is left out like its requests.
 */
export function tcpOnlyRows(http: InboundResponses[], tcp: InboundTcp[]): InboundTcp[] {
  const httpPorts = new Set(http.map(r => `${workloadKey(r.workload)}|${r.targetPort ?? '*'}`));
  const hasHttp = (r: InboundTcp) =>
    httpPorts.has(`${workloadKey(r.workload)}|${r.targetPort ?? '*'}`) ||
    (r.targetPort === undefined && [...httpPorts].some(k => k.startsWith(`${workloadKey(r.workload)}|`)));
  return tcp.filter(r => r.targetPort !== PROXY_ADMIN_PORT && !hasHttp(r));
}
