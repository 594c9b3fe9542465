// Issue 17, egress. Upstream rules checked (linkerd2 edge-25.10.7, linkerd2-proxy release/v2.326.0):
// - an address matched by an EgressNetwork gets that network as parent (group policy.linkerd.io,
//   kind EgressNetwork, its namespace/name, the original port); an external address no
//   EgressNetwork covers gets the `egress-fallback` default parent
//   (policy-controller/grpc/src/outbound.rs: `to_proto`, `fallback`);
// - without routes attached, the network's traffic policy becomes the default routes
//   `http-egress-allow`/`-deny` (Deny: failure injector, status 403), `tcp-egress-*` and
//   `tls-egress-*` (Deny: `Forbidden` filter) (policy-controller/grpc/src/outbound/{http,tcp,tls}.rs
//   `default_outbound_egress_route`);
// - a Default meta is labelled kind `default`, group/namespace empty, no port
//   (linkerd/proxy/client-policy/src/lib.rs `impl Meta`); parent/route/backend labels
//   `parent_group|kind|namespace|name|port|section_name` (linkerd/app/outbound/src/metrics.rs);
// - HTTP route metrics carry `hostname` (with proxy.metrics.hostnameLabels), `http_status`, `error`
//   and an injected failure becomes its status (linkerd/app/outbound/src/http/logical/policy/route/metrics/labels.rs,
//   route/metrics.rs `end_response`); TCP/TLS route connections close with
//   `error="forbidden"` when a Forbidden route refuses them (linkerd/app/outbound/src/metrics/transport.rs);
//   TCP routes label `target_ip`/`target_port` (opaq/logical/route.rs), TLS routes `hostname` = SNI (tls/logical/route.rs).
// The TLS ports (443, 8443, …) are IANA's, not a Linkerd rule.
import { egressReport, EgressSample, isEgressParent } from './egressReport';

const llm = { namespace: 'auto-brand', kind: 'Deployment', name: 'llm-service' };
const web = { namespace: 'auto-brand', kind: 'Deployment', name: 'web-ui' };
const net = { parent_kind: 'EgressNetwork', parent_namespace: 'auto-brand', parent_name: 'internet', parent_port: '443' };
const sample = (family: EgressSample['family'], labels: Record<string, string>, count: number, workload = llm): EgressSample => ({ cluster: 'c', workload, family, labels, count });
const mine = [{ cluster: 'c', ...llm }];
const networks = [{ cluster: 'c', networks: [{ namespace: 'auto-brand', name: 'internet', trafficPolicy: 'Deny', networks: [] }] }];

describe('egressReport', () => {
  it('names TLS destinations by SNI, with connection rate and success from the TLS route counters', () => {
    const tls = { ...net, route_kind: 'TLSRoute', route_name: 'llm-provider', hostname: 'api.anthropic.com' };
    const r = egressReport([
      sample('tls-open', tls, 600),
      sample('tls-close', { ...tls, error: '' }, 594),
      sample('tls-close', { ...tls, error: 'unexpected' }, 6),
    ], mine, 600, networks)!;
    expect(r.destinations).toEqual([{
      cluster: 'c', workload: 'auto-brand/Deployment/llm-service', network: 'auto-brand/internet', trafficPolicy: 'Deny', host: 'api.anthropic.com', port: 443,
      protocol: 'tls', tls: 'tls', routes: ['TLSRoute/llm-provider'], rps: 1, successRate: 0.99, denied: 0,
    }]);
    expect(r.findings).toEqual([]);
  });

  it('counts connections a Deny network refused (forbidden on its tls-egress-deny route) as a finding', () => {
    const deny = { ...net, route_kind: 'default', route_name: 'tls-egress-deny', hostname: 'telemetry.vendor.example' };
    const r = egressReport([sample('tls-open', deny, 30), sample('tls-close', { ...deny, error: 'forbidden' }, 30)], mine, 600, networks)!;
    expect(r.destinations[0]).toMatchObject({ host: 'telemetry.vendor.example', denied: 30, successRate: 0, routes: ['default/tls-egress-deny'] });
    expect(r.findings.map(f => [f.code, f.destination])).toEqual([['egress-denied', 'telemetry.vendor.example:443']]);
    expect(r.findings[0].message).toContain('EgressNetwork auto-brand/internet (trafficPolicy Deny)');
  });

  it('HTTP egress is plaintext; to a TLS port it is a finding; the 403s of http-egress-deny are denials, 5xx failures', () => {
    const http = { ...net, parent_port: '443', route_kind: 'default', route_name: 'http-egress-allow', hostname: 'api.partner.example', error: '' };
    const r = egressReport([
      sample('http-requests', { ...http, http_status: '200' }, 570),
      sample('http-requests', { ...http, http_status: '503' }, 30),
      sample('http-requests', { ...http, parent_port: '80', route_name: 'http-egress-deny', http_status: '403' }, 12),
    ], mine, 600)!;
    const byPort = Object.fromEntries(r.destinations.map(d => [d.port, d]));
    expect(byPort[443]).toMatchObject({ protocol: 'http', tls: 'plaintext', rps: 1, successRate: 0.95, denied: 0 });
    expect(byPort[443].trafficPolicy).toBeUndefined();
    expect(byPort[80]).toMatchObject({ denied: 12, successRate: 0 });
    expect(r.findings.map(f => [f.code, f.destination]).sort()).toEqual([['egress-denied', 'api.partner.example:80'], ['egress-plaintext-tls-port', 'api.partner.example:443']]);
  });

  it('traffic no EgressNetwork covers (egress-fallback) is egress without a network; TCP is named by IP and port, TLS unknown', () => {
    const fallback = { parent_kind: 'default', parent_name: 'egress-fallback', route_kind: 'default', route_name: 'egress-fallback', target_ip: '203.0.113.10', target_port: '5432' };
    const r = egressReport([sample('tcp-open', fallback, 60), sample('tcp-close', { ...fallback, error: '' }, 60)], mine, 600)!;
    expect(r.destinations).toEqual([{ cluster: 'c', workload: 'auto-brand/Deployment/llm-service', host: '203.0.113.10', port: 5432, protocol: 'tcp', tls: 'unknown', routes: ['default/egress-fallback'], rps: 0.1, successRate: 1, denied: 0 }]);
  });

  it('ignores in-cluster parents, other workloads and empty counters; nothing of the entity: undefined', () => {
    expect(isEgressParent({ parent_kind: 'Service', parent_name: 'nats' })).toBe(false);
    expect(isEgressParent({ parent_kind: 'default', parent_name: 'unknown' })).toBe(false);
    const tls = { ...net, route_kind: 'TLSRoute', route_name: 'x', hostname: 'h' };
    expect(egressReport([sample('tls-open', tls, 5, web), sample('tls-open', tls, 0), sample('tls-open', { ...tls, parent_kind: 'Service' }, 9)], mine, 600)).toBeUndefined();
  });
});
