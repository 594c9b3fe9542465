// The Services whose setting decides topology-aware routing: Kubernetes turns
// spec.trafficDistribution / service.kubernetes.io/topology-mode into EndpointSlice hints, and the
// destination controller filters a client's endpoints by them (linkerd2 edge-25.10.7
// controller/api/destination/endpoint_translator.go).
import { ClusterMesh } from '../clusterMesh';
import { zoneRouting } from './zoneRouting';

const svc = (name: string, selector: Record<string, string>, extra: { trafficDistribution?: string; annotations?: Record<string, string> } = {}) => ({
  kind: 'Service' as const, metadata: { name, namespace: 'shop', annotations: extra.annotations }, spec: { selector, ...(extra.trafficDistribution ? { trafficDistribution: extra.trafficDistribution } : {}) },
});
const workload = (name: string) => ({ workload: { cluster: 'c1', namespace: 'shop', kind: 'Deployment', name, labels: {}, template: { metadata: { labels: { app: name } }, spec: { containers: [] } }, pods: [], replicaSets: [] } });
const cluster = {
  summary: { name: 'c1' },
  workloads: [workload('cart'), workload('stock'), workload('other')],
  services: [svc('cart', { app: 'cart' }, { trafficDistribution: 'PreferClose' }), svc('stock', { app: 'stock' }, { annotations: { 'service.kubernetes.io/topology-mode': 'Auto' } }), svc('other', { app: 'other' })],
} as unknown as ClusterMesh;

describe('zoneRouting', () => {
  it('lists the Services in front of the called workloads with their setting, and only those', () => {
    expect(zoneRouting([cluster], [{ cluster: 'c1', peer: 'shop/Deployment/stock' }, { cluster: 'c1', peer: 'shop/Deployment/cart' }, { cluster: 'c2', peer: 'shop/Deployment/other' }])).toEqual([
      { cluster: 'c1', namespace: 'shop', name: 'cart', trafficDistribution: 'PreferClose' },
      { cluster: 'c1', namespace: 'shop', name: 'stock', topologyMode: 'Auto' },
    ]);
  });
});
