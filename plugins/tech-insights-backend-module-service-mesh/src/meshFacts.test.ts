import { EntityMeshSummary } from '@meshlens/plugin-service-mesh-common';
import { meshFacts, MESH_FACT_SCHEMA } from './meshFacts';

const summary = (s: Partial<EntityMeshSummary>): EntityMeshSummary => ({
  entityRef: 'component:default/cart', state: 'partial', meshedPods: 1, totalPods: 4, warnings: 2, clusters: ['homelab'], ...s,
});

describe('meshFacts', () => {
  it('maps a summary to the facts of the schema', () => {
    const facts = meshFacts(summary({ inboundTlsRatio: 0.75, score: 64, triggersFired: ['observability', 'scale'] }));
    expect(facts).toEqual({ meshed: false, meshedPodRatio: 0.25, mtlsInboundRatio: 0.75, adoptionScore: 64, triggersFired: 2, findingsWarning: 2 });
    expect(Object.keys(facts).sort()).toEqual(Object.keys(MESH_FACT_SCHEMA).sort());
  });

  it('is meshed only when every pod is, and leaves out what is unknown', () => {
    expect(meshFacts(summary({ state: 'meshed', meshedPods: 4 }))).toEqual({ meshed: true, meshedPodRatio: 1, findingsWarning: 2 });
    expect(meshFacts(summary({ state: 'no-workloads', meshedPods: 0, totalPods: 0 })).meshedPodRatio).toBe(0);
    expect(meshFacts(summary({ state: 'no-workloads', meshedPods: 0, totalPods: 0 })).mtlsInboundRatio).toBeUndefined();
  });

  it('knows an unmeshed entity has no mesh mTLS', () => {
    expect(meshFacts(summary({ state: 'unmeshed', meshedPods: 0 })).mtlsInboundRatio).toBe(0);
  });
});
