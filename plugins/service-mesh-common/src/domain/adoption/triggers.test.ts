import { emptyClusterObjects } from '../kube';
import { analyzeCluster } from '../clusterMesh';
import { DEFAULT_ADOPTION_CONFIG as C } from './adoptionConfig';
import { AdoptionContext, CatalogEntry, CatalogGraph } from './adoptionContext';
import { adoptionVerdict } from './adoptionScore';
import { canaryTrigger, complianceTrigger, multiTeamTrigger, scaleTrigger } from './triggers';

const NOW = new Date('2026-11-20T12:00:00Z');
const entry = (name: string, extra: Partial<CatalogEntry> = {}): CatalogEntry => ({ ref: `component:default/${name}`, kind: 'Component', tags: [], annotations: {}, owner: 'group:default/a', lifecycle: 'production', ...extra });

function cluster(services: number, rollouts = 0) {
  const o = emptyClusterObjects();
  for (let i = 0; i < services; i++) o.services.push({ kind: 'Service', metadata: { name: `s${i}`, namespace: 'apps' }, spec: {} });
  o.services.push({ kind: 'Service', metadata: { name: 'dns', namespace: 'kube-system' }, spec: {} });
  o.deployments.push({ kind: 'Deployment', metadata: { name: 'svc', namespace: 'apps', labels: { 'backstage.io/kubernetes-id': 'svc' } }, spec: { template: { spec: { containers: [{ name: 'c' }] } } } });
  for (let i = 0; i < rollouts + 1; i++) {
    const days = i < rollouts ? i + 1 : 45;
    o.replicaSets.push({ kind: 'ReplicaSet', metadata: { name: `svc-${i}`, namespace: 'apps', creationTimestamp: new Date(NOW.getTime() - days * 86400_000).toISOString(), ownerReferences: [{ kind: 'Deployment', name: 'svc', controller: true }] }, spec: { template: { spec: { containers: [] } } } });
  }
  return analyzeCluster({ name: 'lab', controlPlaneNamespace: 'linkerd', objects: o }, NOW);
}

function ctx(opts: { services?: number; rollouts?: number; edges?: number; entity?: CatalogEntry; graph?: CatalogGraph } = {}): AdoptionContext {
  const mesh = cluster(opts.services ?? 10, opts.rollouts ?? 0);
  const edges = Array.from({ length: opts.edges ?? 0 }, (_, i) => ({ from: `component:default/x${i}`, to: `component:default/y${i}` }));
  const entities = new Map(edges.flatMap(e => [e.from, e.to]).map(ref => [ref, entry(ref.split('/')[1])]));
  return {
    entity: opts.entity ?? entry('svc'),
    catalog: opts.graph ?? { entities, edges },
    matched: [{ cluster: mesh, workloads: mesh.workloads }],
    metrics: [], now: NOW,
  };
}

describe('scale', () => {
  it.each([
    [49, 10, false, 0.98], [50, 10, true, 1], [51, 10, true, 1],
    [50, 9, false, 0.5], [25, 10, false, 0.5],
  ])('%s services, %s edges → fired %s, strength %s', (services, edges, fired, strength) => {
    const t = scaleTrigger(ctx({ services, edges }), C);
    expect([t.fired, t.strength]).toEqual([fired, strength]);
    expect(t.evidence[0]).toBe(`${services} application Services in lab (bar: 50)`);
  });
});

describe('canary', () => {
  it.each([[7, false, 0.875], [8, true, 1], [9, true, 1]])('%s rollouts in 30 days → fired %s', (rollouts, fired, strength) => {
    const t = canaryTrigger(ctx({ rollouts }), C);
    expect([t.fired, t.strength, t.evidence[0]]).toEqual([fired, strength, `${rollouts} rollouts in 30 days (apps/svc; bar: 8)`]);
  });
  it('counts only production entities, and fires on the annotation', () => {
    expect(canaryTrigger(ctx({ rollouts: 9, entity: entry('svc', { lifecycle: 'experimental' }) }), C)).toMatchObject({ fired: false, strength: 0 });
    expect(canaryTrigger(ctx({ entity: entry('svc', { annotations: { 'meshlens.io/canary': 'required' } }) }), C)).toMatchObject({ fired: true, strength: 1 });
  });
});

describe('multi-team and compliance', () => {
  const graph = (owners: string[], tags: string[] = []): CatalogGraph => {
    const entities = new Map(owners.map((o, i) => [`component:default/e${i}`, entry(`e${i}`, { owner: o, tags: i === 1 ? tags : [] })]));
    return { entities, edges: owners.slice(1).map((_, i) => ({ from: 'component:default/e0', to: `component:default/e${i + 1}` })) };
  };
  it.each([
    [['group:default/a', 'group:default/a'], false, 0],
    [['group:default/a', 'group:default/b'], true, 0.2],
    [['group:default/a', 'group:default/b', 'group:default/c'], true, 0.4],
  ])('owners %j → fired %s', (owners, fired, strength) => {
    const g = graph(owners);
    const t = multiTeamTrigger(ctx({ graph: g, entity: g.entities.get('component:default/e0') }), C);
    expect([t.fired, t.strength]).toEqual([fired, strength]);
  });
  it('fires on a compliance tag of an entity it talks to, not otherwise', () => {
    const g = graph(['group:default/a', 'group:default/a'], ['pci']);
    expect(complianceTrigger(ctx({ graph: g, entity: g.entities.get('component:default/e0') }), C)).toMatchObject({ fired: true, evidence: ['compliance marker component:default/e1: pci'] });
    const clean = graph(['group:default/a', 'group:default/a'], ['python']);
    expect(complianceTrigger(ctx({ graph: clean, entity: clean.entities.get('component:default/e0') }), C).fired).toBe(false);
  });
});

describe('verdict', () => {
  const t = (id: any, fired: boolean, strength: number) => ({ id, fired, strength, evidence: [`${id} evidence`] });
  it.each([
    [[t('scale', false, 0.59)], false, 'not-yet', 15],
    [[t('scale', false, 0.6)], false, 'prepare', 15],
    [[t('canary', true, 1)], false, 'adopt-now', 15],
    [[t('canary', true, 1)], true, 'already-meshed', 15],
    // Nothing at 60 %, but the score 25×.55 + 20×.55 + 15×.55 + 15×.55 = 41 ≥ 40.
    [[t('scale', false, 0.55), t('canary', false, 0.55), t('multi-team', false, 0.55), t('observability', false, 0.55)], false, 'prepare', 41],
    [[t('scale', false, 0.5), t('multi-team', false, 0.5), t('observability', false, 0.5)], false, 'not-yet', 30],
  ])('%j meshed=%s → %s', (triggers, meshed, recommendation) => {
    expect(adoptionVerdict(triggers as any, meshed as boolean, C).recommendation).toBe(recommendation);
  });
  it('scores Σ weight × strength and names the closest trigger', () => {
    const v = adoptionVerdict([t('scale', false, 0.4), t('canary', false, 0.5)] as any, false, C);
    expect(v.score).toBe(Math.round(25 * 0.4 + 15 * 0.5));
    expect(v.explanation).toContain('closest trigger is canary (frequent production rollouts) at 50 %');
  });
});
