import { analyzeCluster } from '../clusterMesh';
import { emptyClusterObjects } from '../kube';
import { DEFAULT_ADOPTION_CONFIG as C } from './adoptionConfig';
import { CatalogEntry, CatalogGraph } from './adoptionContext';
import { clusterAdoption } from './clusterAdoption';
import { emptyMetricsCoverage } from './metricsCoverage';

const NOW = new Date('2026-11-20T12:00:00Z');

/** `apps` Deployments with `pods` running pods each, `rollouts` ReplicaSets in the last 30 days for the first. */
function cluster(opts: { apps: number; pods?: number; rollouts?: number; memory?: string; hostNetwork?: boolean }) {
  const o = emptyClusterObjects();
  o.nodes.push({ kind: 'Node', metadata: { name: 'n1' }, status: { allocatable: { memory: opts.memory ?? '16Gi' } } } as any);
  for (let i = 0; i < opts.apps; i++) {
    const name = `app${i}`;
    const labels = { 'backstage.io/kubernetes-id': name };
    const spec = { template: { metadata: { labels }, spec: { containers: [{ name }], hostNetwork: i === 0 && opts.hostNetwork ? true : undefined } } };
    o.deployments.push({ kind: 'Deployment', metadata: { name, namespace: name, labels }, spec } as any);
    o.services.push({ kind: 'Service', metadata: { name, namespace: name }, spec: { selector: labels, ports: [{ port: 80, name: 'http' }] } });
    const sets = i === 0 ? opts.rollouts ?? 1 : 1;
    for (let r = 0; r < sets; r++) {
      o.replicaSets.push({ kind: 'ReplicaSet', metadata: { name: `${name}-${r}`, namespace: name, creationTimestamp: new Date(NOW.getTime() - (r + 1) * 86400_000).toISOString(), ownerReferences: [{ kind: 'Deployment', name, controller: true }] }, spec } as any);
    }
    for (let p = 0; p < (opts.pods ?? 1); p++) {
      o.pods.push({ kind: 'Pod', metadata: { name: `${name}-0-${p}`, namespace: name, labels, ownerReferences: [{ kind: 'ReplicaSet', name: `${name}-0`, controller: true }] }, spec: spec.template.spec, status: { phase: 'Running' } } as any);
    }
  }
  return analyzeCluster({ name: 'lab', controlPlaneNamespace: 'linkerd', objects: o }, NOW);
}

function catalog(apps: number, extra: (i: number) => Partial<CatalogEntry> = () => ({})): CatalogGraph {
  const entries = Array.from({ length: apps }, (_, i): CatalogEntry => ({
    ref: `component:default/app${i}`, kind: 'Component', tags: [], owner: 'group:default/ops', lifecycle: 'production',
    annotations: { 'backstage.io/kubernetes-id': `app${i}` }, ...extra(i),
  }));
  return { entities: new Map(entries.map(e => [e.ref, e])), edges: [] };
}

describe('cluster adoption', () => {
  it('not yet for a small one-team cluster, with every trigger evaluated over the whole cluster', () => {
    const a = clusterAdoption({ cluster: cluster({ apps: 10, pods: 2 }), catalog: catalog(10), metrics: [], coverage: emptyMetricsCoverage('lab'), now: NOW }, C);
    expect(a.recommendation).toBe('not-yet');
    expect(a.triggers.map(t => t.id)).toEqual(['scale', 'multi-team', 'compliance', 'canary', 'observability']);
    expect(a.triggers[0].evidence[0]).toBe('10 application Services in lab (bar: 50)');
    expect(a.triggers[1].evidence[0]).toBe('1 owner of the 10 catalog entities running here: group:default/ops (bar: 2)');
    expect(a.explanation).toMatch(/^Not yet: no trigger fired/);
  });

  it('costs the control plane plus a proxy and Prometheus memory per meshable pod, host-network pods left out', () => {
    const a = clusterAdoption({ cluster: cluster({ apps: 10, pods: 2, hostNetwork: true }), catalog: catalog(10), metrics: [], now: NOW }, C);
    // 9 apps × 2 pods meshable: 300 + 18 × 20 + 18 × 5.
    expect(a.cost).toMatchObject({ controlPlaneMemoryMiB: 300, meshablePods: 18, sidecarMemoryMiB: 360, totalMemoryMiB: 300 + 360 + 90, allocatableMemoryMiB: 16384 });
    expect(a.cost.extras).toEqual([{ name: 'Prometheus', memoryMiB: 90, why: expect.stringContaining('5 MiB per meshed pod') }]);
    expect(a.cost.statements).toContain('Not meshable (host network): app0/app0.');
  });

  it('one service near the canary bar makes its system prepare, not the cluster; at the bar the cluster adopts', () => {
    const near = clusterAdoption({ cluster: cluster({ apps: 3, rollouts: 6 }), catalog: catalog(3), metrics: [], now: NOW }, C);
    expect([near.recommendation, near.triggers[3].strength]).toEqual(['not-yet', 0.75]);
    expect(near.closestSystems[0]).toMatchObject({ ref: 'component:default/app0', recommendation: 'prepare', closestTrigger: 'canary', progress: 0.75 });
    const at = clusterAdoption({ cluster: cluster({ apps: 3, rollouts: 8 }), catalog: catalog(3), metrics: [], now: NOW }, C);
    expect([at.recommendation, at.triggers[3].fired]).toEqual(['adopt-now', true]);
  });

  it('a compliance marker anywhere fires for the cluster; two owners with a cross-team edge fire multi-team', () => {
    const pci = clusterAdoption({ cluster: cluster({ apps: 3 }), catalog: catalog(3, i => (i === 2 ? { tags: ['pci'] } : {})), metrics: [], now: NOW }, C);
    expect(pci.triggers[2]).toMatchObject({ fired: true, evidence: ['compliance marker component:default/app2: pci'] });
    const g = catalog(3, i => ({ owner: `group:default/team${i % 2}` }));
    g.edges.push({ from: 'component:default/app0', to: 'component:default/app1' });
    const teams = clusterAdoption({ cluster: cluster({ apps: 3 }), catalog: g, metrics: [], now: NOW }, C);
    expect(teams.triggers[1].fired).toBe(true);
    expect(teams.recommendation).toBe('adopt-now');
  });

  it('near a cluster-wide bar (40 of 50 services) the cluster prepares', () => {
    const a = clusterAdoption({ cluster: cluster({ apps: 40 }), catalog: catalog(40), metrics: [], now: NOW }, { ...C, scale: { ...C.scale, eastWestEdges: 0 } });
    expect([a.recommendation, a.triggers[0].strength]).toEqual(['prepare', 0.8]);
  });
});
