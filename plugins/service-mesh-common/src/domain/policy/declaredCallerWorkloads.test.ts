import { analyzeCluster } from '../clusterMesh';
import { clusterFromManifests } from '../__testUtils__/manifestCluster';
import { AdoptionContext, CatalogEntry } from '../adoption/adoptionContext';
import { declaredCallerWorkloads } from './declaredCallerWorkloads';

const NOW = new Date('2026-11-20T12:00:00Z');
const dep = (name: string) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'shop', labels: { 'backstage.io/kubernetes-id': name } }, spec: { replicas: 1, template: { metadata: { labels: { app: name, 'backstage.io/kubernetes-id': name } }, spec: { containers: [{ name }] } } } });
const mesh = analyzeCluster(clusterFromManifests([dep('db'), dep('api'), dep('web'), dep('other')]), NOW);
const entry = (name: string, kind = 'Component', type = 'service'): CatalogEntry => ({ ref: `${kind.toLowerCase()}:default/${name}`, kind, type, tags: [], annotations: { 'backstage.io/kubernetes-id': name } });

describe('declaredCallerWorkloads', () => {
  it.each([
    // api dependsOn db (a database: not an adoption peer, still a declared caller of the db).
    ['database callee', entry('db', 'Resource', 'database'), ['component:default/api']],
    // web dependsOn api; api dependsOn db: only the edge towards the entity counts.
    ['service callee', entry('api'), ['component:default/web']],
    ['nobody declares a call', entry('web'), []],
  ] as const)('%s', (_, entity, expected) => {
    const entities = new Map([entry('db', 'Resource', 'database'), entry('api'), entry('web'), entry('other')].map(e => [e.ref, e]));
    const context: AdoptionContext = {
      entity, matched: [{ cluster: mesh, workloads: mesh.workloads.filter(a => a.workload.name === entity.ref.split('/')[1]) }],
      catalog: { entities, edges: [{ from: 'component:default/api', to: 'resource:default/db' }, { from: 'component:default/web', to: 'component:default/api' }] },
      metrics: [], now: NOW,
    };
    const got = declaredCallerWorkloads(context);
    expect([...got.keys()]).toEqual(expected);
    for (const ws of got.values()) expect(ws.length).toBe(1);
  });
});
