import { EgressDestination, EgressFinding, EgressNetworkReport, EgressProtocol, EntityEgressReport } from '../../api/Egress';
import { MetricWorkload, workloadKey } from '../metrics/metricsWindow';

/**
 * The egress families the queries read (linkerd2-proxy release/v2.326.0): HTTP requests by
 * status (`outbound_http_route_request_statuses_total`, `linkerd/app/outbound/src/http/logical/policy/route/metrics.rs`),
 * TCP and TLS route connections opened and closed with their error
 * (`outbound_{tcp,tls}_route_{open,close}_total`, `linkerd/app/outbound/src/metrics/transport.rs`).
 */
export type EgressFamily = 'http-requests' | 'tcp-open' | 'tcp-close' | 'tls-open' | 'tls-close';

/** One sample of the egress queries, already tied to its workload. */
export interface EgressSample {
  cluster: string;
  workload: MetricWorkload;
  family: EgressFamily;
  labels: Record<string, string>;
  count: number;
}

/**
 * Well-known ports of TLS services (IANA: https 443, smtps 465, ldaps 636, domain-s 853, imaps
 * 993, pop3s 995, amqps 5671, https-alt 8443). Not a Linkerd rule: plaintext HTTP to one of them
 * means the app sent what it meant to encrypt in clear, or talks to a server that will reject it.
 */
export const TLS_PORTS = [443, 465, 636, 853, 993, 995, 5671, 8443];

/** Routes the policy controller generates for an EgressNetwork in Deny mode (`policy-controller/grpc/src/outbound/{http,grpc,tcp,tls}.rs`). */
const DENY_ROUTES = new Set(['http-egress-deny', 'grpc-egress-deny', 'tcp-egress-deny', 'tls-egress-deny']);

/**
 * Whether a sample's parent is egress: an `EgressNetwork` (the policy controller's parent for an
 * IP:port matched by one), or the `egress-fallback` default it serves for an address outside the
 * cluster networks that no EgressNetwork covers (linkerd2 edge-25.10.7 `policy-controller/grpc/src/outbound.rs`).
 */
export function isEgressParent(labels: Record<string, string>): boolean {
  return labels.parent_kind === 'EgressNetwork' || (labels.parent_kind === 'default' && labels.parent_name === 'egress-fallback');
}

interface Acc {
  d: EgressDestination;
  total: number;
  ok: number;
  closed: number;
  closedOk: number;
  opened: number;
}

const PROTOCOL: Record<EgressFamily, EgressProtocol> = { 'http-requests': 'http', 'tcp-open': 'tcp', 'tcp-close': 'tcp', 'tls-open': 'tls', 'tls-close': 'tls' };
const protocolOf = (f: EgressFamily): EgressProtocol => PROTOCOL[f];
const TLS_OF = { http: 'plaintext', tls: 'tls', tcp: 'unknown' } as const;
const round = (n: number, digits = 4) => Number(n.toFixed(digits));

function destinationOf(s: EgressSample, policies: Map<string, string>): EgressDestination {
  const l = s.labels;
  const network = l.parent_kind === 'EgressNetwork' ? `${l.parent_namespace}/${l.parent_name}` : undefined;
  const port = Number(l.parent_port || l.target_port);
  const protocol = protocolOf(s.family);
  const d: EgressDestination = {
    cluster: s.cluster, workload: workloadKey(s.workload), host: l.hostname || l.target_ip || undefined, port: port > 0 ? port : undefined,
    protocol, tls: TLS_OF[protocol], routes: [], rps: 0, denied: 0,
  };
  if (network) {
    d.network = network;
    const policy = policies.get(`${s.cluster}/${network}`);
    if (policy) d.trafficPolicy = policy;
  }
  for (const k of ['host', 'port'] as const) if (d[k] === undefined) delete d[k];
  return d;
}

function findingsOf(d: EgressDestination): EgressFinding[] {
  const where = `${d.host ?? 'an external address'}${d.port ? `:${d.port}` : ''}`;
  const base = { cluster: d.cluster, workload: d.workload, destination: where };
  const out: EgressFinding[] = [];
  if (d.denied > 0) {
    out.push({ ...base, code: 'egress-denied', severity: 'warning', message: `${d.workload} had ${d.denied} ${d.protocol === 'http' ? 'requests' : 'connections'} to ${where} refused by EgressNetwork ${d.network ?? '?'} (trafficPolicy Deny): attach a route for the destination or stop the call.` });
  }
  if (d.protocol === 'http' && d.port !== undefined && TLS_PORTS.includes(d.port) && d.rps > 0) {
    out.push({ ...base, code: 'egress-plaintext-tls-port', severity: 'warning', message: `${d.workload} sends plaintext HTTP to ${where}, a TLS port: the proxy read the requests in clear (Linkerd does not originate TLS to external hosts).` });
  }
  return out;
}

/**
 * The external destinations the given workloads called over the window, from their proxies'
 * route metrics whose parent is egress (see {@link isEgressParent}): per workload, network, host,
 * port and protocol, with requests (HTTP) or connections (TLS, TCP) per second, the success rate,
 * and what a Deny policy refused (the policy controller's `*-egress-deny` route: HTTP answers 403
 * from its failure injector, TCP/TLS connections close with `error="forbidden"`). Findings: calls
 * refused by Deny, plaintext HTTP to a TLS port. Undefined when no sample is the entity's.
 */
export function egressReport(
  samples: EgressSample[],
  workloads: Array<{ cluster: string } & MetricWorkload>,
  windowSeconds: number,
  networks: Array<{ cluster: string; networks: EgressNetworkReport[] }> = [],
): EntityEgressReport | undefined {
  const mine = new Set(workloads.map(w => `${w.cluster}:${workloadKey(w)}`));
  const policies = new Map(networks.flatMap(c => c.networks.map(n => [`${c.cluster}/${n.namespace}/${n.name}`, String(n.trafficPolicy)] as const)));
  const acc = new Map<string, Acc>();
  for (const s of samples) {
    if (!mine.has(`${s.cluster}:${workloadKey(s.workload)}`) || !isEgressParent(s.labels) || !(s.count > 0)) continue;
    const d = destinationOf(s, policies);
    const key = JSON.stringify([d.cluster, d.workload, d.network, d.host, d.port, d.protocol]);
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { d, total: 0, ok: 0, closed: 0, closedOk: 0, opened: 0 }));
    const l = s.labels;
    const route = `${l.route_kind || '?'}/${l.route_name || '?'}`;
    if (!a.d.routes.includes(route)) a.d.routes.push(route);
    const denied = DENY_ROUTES.has(l.route_name) && (s.family === 'http-requests' || l.error === 'forbidden');
    if (denied) a.d.denied += s.count;
    if (s.family === 'http-requests') {
      a.total += s.count;
      if (!denied && !l.error && !/^5/.test(l.http_status ?? '')) a.ok += s.count;
    } else if (s.family.endsWith('-open')) a.opened += s.count;
    else {
      a.closed += s.count;
      if (!l.error) a.closedOk += s.count;
    }
  }
  if (acc.size === 0) return undefined;
  const destinations = [...acc.values()].map(({ d, total, ok, closed, closedOk, opened }) => {
    const counted = d.protocol === 'http' ? total : opened;
    d.rps = round(counted / windowSeconds);
    const [all, good] = d.protocol === 'http' ? [total, ok] : [closed, closedOk];
    if (all > 0) d.successRate = round(good / all);
    d.denied = Math.round(d.denied);
    d.routes.sort();
    return d;
  }).sort((a, b) => b.rps - a.rps || `${a.workload}${a.host}`.localeCompare(`${b.workload}${b.host}`));
  return { destinations, findings: destinations.flatMap(findingsOf) };
}
