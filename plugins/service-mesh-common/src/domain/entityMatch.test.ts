import { entityMatcher, hasKubernetesAnnotation, matchWorkloads } from './entityMatch';
import { Workload } from './workloads';

const w = (cluster: string, namespace: string, name: string, labels: Record<string, string>): Workload => ({
  cluster, namespace, kind: 'Deployment', name, labels, pods: [], replicaSets: [],
});
const workloads = [
  w('homelab', 'auto-brand', 'orchestrator', { 'backstage.io/kubernetes-id': 'orchestrator', app: 'orch' }),
  w('homelab', 'staging', 'orchestrator', { 'backstage.io/kubernetes-id': 'orchestrator' }),
  w('other', 'auto-brand', 'orchestrator', { 'backstage.io/kubernetes-id': 'orchestrator' }),
  w('homelab', 'auto-brand', 'web-ui', { 'backstage.io/kubernetes-id': 'web-ui', app: 'web' }),
];
const entity = (annotations: Record<string, string>) => ({ kind: 'Component', metadata: { name: 'orchestrator', annotations } });
const names = (a: Record<string, string>) => matchWorkloads(entityMatcher(entity(a)), workloads).map(x => `${x.cluster}/${x.namespace}/${x.name}`);

describe('entity matching like the Backstage Kubernetes plugin', () => {
  it.each([
    [{ 'backstage.io/kubernetes-id': 'orchestrator' }, ['homelab/auto-brand/orchestrator', 'homelab/staging/orchestrator', 'other/auto-brand/orchestrator']],
    [{ 'backstage.io/kubernetes-id': 'orchestrator', 'backstage.io/kubernetes-namespace': 'auto-brand' }, ['homelab/auto-brand/orchestrator', 'other/auto-brand/orchestrator']],
    [{ 'backstage.io/kubernetes-id': 'orchestrator', 'backstage.io/kubernetes-cluster': 'other' }, ['other/auto-brand/orchestrator']],
    // The label selector takes precedence over the id.
    [{ 'backstage.io/kubernetes-id': 'orchestrator', 'backstage.io/kubernetes-label-selector': 'app in (orch,web)' }, ['homelab/auto-brand/orchestrator', 'homelab/auto-brand/web-ui']],
    // Without annotations the plugin falls back to the entity name.
    [{}, ['homelab/auto-brand/orchestrator', 'homelab/staging/orchestrator', 'other/auto-brand/orchestrator']],
  ])('%j', (annotations, expected) => {
    expect(names(annotations)).toEqual(expected);
  });

  it('throws on an unparsable selector annotation', () => {
    expect(() => entityMatcher(entity({ 'backstage.io/kubernetes-label-selector': 'app in (' }))).toThrow();
  });

  it('knows whether an entity is tied to Kubernetes', () => {
    expect(hasKubernetesAnnotation(entity({}))).toBe(false);
    expect(hasKubernetesAnnotation(entity({ 'backstage.io/kubernetes-label-selector': 'a=b' }))).toBe(true);
  });
});
