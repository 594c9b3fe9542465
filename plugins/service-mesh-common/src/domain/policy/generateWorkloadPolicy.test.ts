import { parseAllDocuments } from 'yaml';
import { generateWorkloadPolicy, WorkloadPolicyInput } from './generateWorkloadPolicy';
import { serviceAccountIdentity } from './identity';

const id = (sa: string, ns = 'shop') => serviceAccountIdentity(sa, ns);
const base: WorkloadPolicyInput = {
  cluster: 'c1', namespace: 'shop', kind: 'Deployment', name: 'cart', serviceAccount: 'cart',
  podLabels: { app: 'cart' },
  ports: [{ port: 8080, name: 'http', proxyProtocol: 'HTTP/1', reason: 'port name http', httpProbes: true }],
  seen: [{ identity: id('checkout'), entityRef: 'component:default/checkout' }],
  declared: [{ identity: id('checkout'), entityRef: 'component:default/checkout' }],
};
const kinds = (p: ReturnType<typeof generateWorkloadPolicy>) => p.documents.map(d => `${d.kind}/${(d.metadata as any).name}`);

describe('generateWorkloadPolicy', () => {
  // Identity format: linkerd2 edge-25.10.7 charts/partials/templates/_proxy.tpl
  // (LINKERD2_PROXY_IDENTITY_LOCAL_NAME = $(_pod_sa).$(_pod_ns).serviceaccount.identity.linkerd.cluster.local).
  it('names identities as Linkerd issues them', () => {
    expect(id('checkout')).toBe('checkout.shop.serviceaccount.identity.linkerd.cluster.local');
    expect(serviceAccountIdentity(undefined, 'shop')).toBe('default.shop.serviceaccount.identity.linkerd.cluster.local');
  });

  it.each([
    ['seen and declared caller', {}, ['MeshTLSAuthentication/cart-clients', 'Server/cart-http', 'AuthorizationPolicy/cart-http-clients']],
    ['no caller at all: a Server only, and a note', { seen: [], declared: [] }, ['Server/cart-http']],
    // Probes: a Server without HTTPRoutes gets the default probe route (linkerd2 edge-25.10.7
    // policy-controller/k8s/index/src/inbound/index.rs, default_inbound_http_routes: Exact GET
    // probe paths authorized from cluster_info.probe_networks), so HTTP ports need no NetworkAuthentication.
    ['opaque port with HTTP probes: probe networks authorized', { ports: [{ port: 4222, proxyProtocol: 'opaque', reason: 'ssf', httpProbes: true }] },
      ['MeshTLSAuthentication/cart-clients', 'NetworkAuthentication/cart-probes', 'Server/cart-4222', 'AuthorizationPolicy/cart-4222-clients', 'AuthorizationPolicy/cart-4222-probes']],
    ['opaque port without probes', { ports: [{ port: 5432, proxyProtocol: 'opaque', reason: 'default', httpProbes: false }] },
      ['MeshTLSAuthentication/cart-clients', 'Server/cart-5432', 'AuthorizationPolicy/cart-5432-clients']],
    ['no pod labels: nothing (an empty podSelector selects the whole namespace)', { podLabels: {} }, []],
    ['two ports: one Server and AuthorizationPolicy each, ports sorted', { ports: [
      { port: 9090, name: 'grpc', proxyProtocol: 'gRPC', reason: 'n', httpProbes: false },
      { port: 8080, name: 'http', proxyProtocol: 'HTTP/1', reason: 'n', httpProbes: false }] },
      ['MeshTLSAuthentication/cart-clients', 'Server/cart-http', 'AuthorizationPolicy/cart-http-clients', 'Server/cart-grpc', 'AuthorizationPolicy/cart-grpc-clients']],
  ] as Array<[string, Partial<WorkloadPolicyInput>, string[]]>)('%s', (_, over, expected) => {
    const p = generateWorkloadPolicy({ ...base, ...over });
    expect(kinds(p)).toEqual(expected);
    // The YAML is the documents, comments aside.
    expect(parseAllDocuments(p.yaml).map(d => d.toJS()).filter(Boolean)).toEqual(p.documents);
  });

  it('writes Servers in audit mode with the port protocol, and ties them to the clients', () => {
    const p = generateWorkloadPolicy(base);
    const [mtls, server, authz] = p.documents as any[];
    expect(server).toEqual({
      apiVersion: 'policy.linkerd.io/v1beta3', kind: 'Server',
      metadata: { name: 'cart-http', namespace: 'shop', labels: { 'app.kubernetes.io/managed-by': 'meshlens' } },
      spec: { podSelector: { matchLabels: { app: 'cart' } }, port: 8080, proxyProtocol: 'HTTP/1', accessPolicy: 'audit' },
    });
    expect(mtls.spec).toEqual({ identities: [id('checkout')] });
    expect(authz.spec).toEqual({
      targetRef: { group: 'policy.linkerd.io', kind: 'Server', name: 'cart-http' },
      requiredAuthenticationRefs: [{ group: 'policy.linkerd.io', kind: 'MeshTLSAuthentication', name: 'cart-clients' }],
    });
    expect(p.notes).toEqual([]);
  });

  it('marks a caller seen but not declared in the catalog, in the data and in the YAML', () => {
    const p = generateWorkloadPolicy({ ...base, seen: [...base.seen, { identity: id('scraper', 'tools') }], declared: [...base.declared, { identity: id('report'), entityRef: 'component:default/report' }] });
    expect(p.callers).toEqual([
      { identity: id('checkout'), seen: true, declared: true, undeclared: false, entityRefs: ['component:default/checkout'] },
      { identity: id('report'), seen: false, declared: true, undeclared: false, entityRefs: ['component:default/report'] },
      { identity: id('scraper', 'tools'), seen: true, declared: false, undeclared: true, entityRefs: [] },
    ]);
    expect(p.yaml).toContain(`- ${id('scraper', 'tools')}  # seen in traffic but not declared in the catalog`);
    expect(p.yaml).toContain(`- ${id('report')}  # declared in the catalog (component:default/report), not seen in the window`);
    expect(p.notes.join(' ')).toContain('1 caller(s) seen in traffic but not declared in the catalog');
  });

  // Audit: linkerd2-proxy release/v2.326.0 linkerd/app/inbound/src/policy/defaults.rs (the `audit`
  // default authorization), linkerd/proxy/server-policy/src/meta.rs (kind "default"), and
  // linkerd/app/inbound/src/metrics/authz.rs (inbound_{http,tcp}_authz_{allow,deny}_total).
  it('rolls out audit first: watch what audit lets through, enforce per Server, watch denials', () => {
    const p = generateWorkloadPolicy({ ...base, ports: [...base.ports, { port: 4222, proxyProtocol: 'opaque', reason: 'ssf', httpProbes: false }] });
    const r = p.rollout.join('\n');
    expect(p.rollout[0]).toBe('kubectl apply -f cart-policy.yaml  # Servers in audit mode: nothing is denied yet');
    expect(r).toContain('inbound_http_authz_allow_total{namespace="shop",srv_name=~"cart-4222|cart-http",authz_kind="default",authz_name="audit"}');
    expect(r).toContain('inbound_tcp_authz_deny_total{namespace="shop",srv_name=~"cart-4222|cart-http"}');
    expect(r.indexOf('authz_name="audit"')).toBeLessThan(r.indexOf('accessPolicy":"deny"'));
    expect(r.indexOf('accessPolicy":"deny"')).toBeLessThan(r.indexOf('inbound_http_authz_deny_total'));
  });

  it('warns that the probe NetworkAuthentication on a non-HTTP port is as wide as the probe networks', () => {
    const p = generateWorkloadPolicy({ ...base, ports: [{ port: 4222, proxyProtocol: 'opaque', reason: 'ssf', httpProbes: true }] });
    expect(p.notes).toEqual([expect.stringMatching(/^HTTP probes on non-HTTP port\(s\) 4222: .*narrow it to the nodes' CIDRs/)]);
    expect(p.yaml).toContain("narrow them to the nodes' CIDRs");
    expect(generateWorkloadPolicy({ ...base, probeNetworks: ['10.0.0.0/24'], ports: [{ port: 4222, proxyProtocol: 'opaque', reason: 'ssf', httpProbes: true }] }).notes).toEqual([]);
  });

  it('warns about callers without mTLS and about a workload nobody may call', () => {
    expect(generateWorkloadPolicy({ ...base, plaintextRequests: 12 }).notes).toEqual(['12 inbound request(s) or connection(s) in the window came without mTLS: those clients have no identity and will be denied once enforced; mesh them first.']);
    expect(generateWorkloadPolicy({ ...base, seen: [], declared: [] }).notes[0]).toMatch(/enforcing would deny every request/);
  });
});
