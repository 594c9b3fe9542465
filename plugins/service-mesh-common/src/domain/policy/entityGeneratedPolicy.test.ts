import { EdgeReport } from '../../api/EntityMeshReport';
import { analyzeCluster } from '../clusterMesh';
import { clusterFromManifests } from '../__testUtils__/manifestCluster';
import { entityRunbook } from '../runbook/entityRunbook';
import { entityGeneratedPolicy } from './entityGeneratedPolicy';
import { serviceAccountIdentity } from './identity';

const NOW = new Date('2026-11-20T12:00:00Z');
const deployment = (name: string, ports: any[], probe?: any) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'shop' },
  spec: { replicas: 1, template: {
    metadata: { labels: { app: name, 'pod-template-hash': 'abc', 'linkerd.io/control-plane-ns': 'linkerd', 'linkerd.io/proxy-deployment': name } },
    spec: { serviceAccountName: name, containers: [{ name, image: `${name}:1`, ports, readinessProbe: probe }, { name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:x', ports: [{ containerPort: 4143, name: 'linkerd-proxy' }, { containerPort: 4191, name: 'linkerd-admin' }] }] },
  } },
});
const mesh = analyzeCluster(clusterFromManifests([
  deployment('cart', [{ containerPort: 8080, name: 'http' }, { containerPort: 9000, protocol: 'UDP' }], { httpGet: { port: 'http', path: '/ready' } }),
  deployment('checkout', [{ containerPort: 8081 }]),
], { linkerdVersion: 'v', namespaceAnnotations: { 'linkerd.io/inject': 'enabled' } }), NOW);
const wl = (name: string) => mesh.workloads.filter(a => a.workload.name === name);
const id = (sa: string, ns = 'shop') => serviceAccountIdentity(sa, ns);
const edge = (clientId: string, peer: string): EdgeReport => ({ cluster: 'test', peer, workload: 'shop/Deployment/cart', rps: 1, security: 'mtls', connections: 1, clientId });

describe('entityGeneratedPolicy', () => {
  const input = {
    matched: [{ cluster: mesh, workloads: wl('cart') }],
    callers: [edge(id('checkout'), 'shop/Deployment/checkout'), edge(id('scraper', 'tools'), 'tools/Deployment/scraper')],
    mtls: { inboundTlsRatio: 1, inboundRequests: 10, byClient: [{ clientId: id('batch', 'jobs'), requests: 1, share: 0.1 }], plaintext: [], outbound: [],
      tcp: { inboundTlsRatio: 1, bytes: 10, connections: 1, byClient: [{ clientId: id('nats-bridge'), bytes: 10, connections: 1, share: 1 }], plaintext: [] } },
    declaredCallers: new Map([['component:default/checkout', wl('checkout')]]),
  };

  it('generates from the workload: TCP ports of app containers, pod labels without revision hashes or linkerd labels', () => {
    const [p] = entityGeneratedPolicy(input);
    expect(p.ports).toEqual([{ port: 8080, name: 'http', proxyProtocol: 'HTTP/1', reason: 'port name http', httpProbes: true }]);
    expect((p.documents.find(d => d.kind === 'Server') as any).spec.podSelector).toEqual({ matchLabels: { app: 'cart' } });
    expect(p.serviceAccount).toBe('cart');
  });

  it('lists seen callers (edges and inbound client ids) and declared ones, flagging the unknown caller', () => {
    const [p] = entityGeneratedPolicy(input);
    expect(p.callers.map(c => [c.identity, c.seen, c.declared, c.undeclared])).toEqual([
      [id('batch', 'jobs'), true, false, true],
      [id('checkout'), true, true, false],
      [id('nats-bridge'), true, false, true],
      [id('scraper', 'tools'), true, false, true],
    ]);
  });

  it('skips unmeshed workloads', () => {
    const plain = analyzeCluster(clusterFromManifests([{ ...deployment('legacy', [{ containerPort: 80 }]), spec: { replicas: 1, template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'legacy', ports: [{ containerPort: 80 }] }] } } } }]), NOW);
    expect(entityGeneratedPolicy({ ...input, matched: [{ cluster: plain, workloads: plain.workloads }] })).toEqual([]);
  });

  it('becomes a policies step of the runbook of a meshed entity, with the YAML and the rollout', () => {
    const policies = entityGeneratedPolicy(input);
    const steps = entityRunbook({ matched: input.matched, policies });
    const s = steps.find(x => x.id === 'authorization-shop-cart')!;
    expect(s.phase).toBe('policies');
    expect(s.commands[0]).toBe(`cat > cart-policy.yaml <<'EOF'\n${policies[0].yaml}EOF`);
    expect(s.commands.slice(1)).toEqual(policies[0].rollout);
    expect(s.why).toContain('3 seen but not declared');
    expect(s.done).toBe(false);
    // The namespace annotation reaches a pod only at injection (linkerd2 edge-25.10.7
    // pkg/inject/inject.go AppendNamespaceAnnotations); the policy controller reads the pod's
    // (policy-controller/k8s/index/src/inbound/workload.rs default_policy).
    const ns = steps.find(x => x.id === 'default-inbound-policy')!;
    expect(ns.commands[1]).toMatch(/restart the workloads/);
    expect(steps.indexOf(ns)).toBeLessThan(steps.indexOf(s));
  });
});
