// The benchmark's catalog: 1,000 Components tied to workloads by `backstage.io/kubernetes-id`
// (no namespace or cluster annotation, the Kubernetes plugin's most common form), owned by 20
// teams, every other one depending on the next; written as one YAML file for a file location.
import { writeFileSync } from 'node:fs';
import { type BenchSize, entityWorkloads } from './sizes.ts';

export const TEAMS = 20;
export const teamRef = (t: number) => `group:default/team-${t}`;

export const entityName = (i: number) => `entity-${String(i).padStart(4, '0')}`;

/** The catalog entities (Groups first, then Components) as plain objects. */
export function catalogEntities(size: BenchSize): any[] {
  const groups = Array.from({ length: TEAMS }, (_, t) => ({
    apiVersion: 'backstage.io/v1alpha1', kind: 'Group',
    metadata: { name: `team-${t}` }, spec: { type: 'team', children: [] },
  }));
  const components = entityWorkloads(size).map((w, i) => ({
    apiVersion: 'backstage.io/v1alpha1', kind: 'Component',
    metadata: { name: entityName(i), annotations: { 'backstage.io/kubernetes-id': w.name } },
    spec: {
      type: 'service', lifecycle: 'production', owner: `group:default/team-${i % TEAMS}`,
      ...(i % 2 === 0 && i + 1 < size.entities ? { dependsOn: [`component:default/${entityName(i + 1)}`] } : {}),
    },
  }));
  return [...groups, ...components];
}

/** Writes the catalog as multi-document YAML (JSON documents are valid YAML). */
export function writeCatalog(path: string, size: BenchSize): void {
  writeFileSync(path, catalogEntities(size).map(e => JSON.stringify(e)).join('\n---\n'));
}
