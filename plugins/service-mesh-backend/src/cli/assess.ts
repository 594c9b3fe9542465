import { Entity, parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ClusterReport, EntityMeshReport, SourceErrorReport } from '@meshlens/plugin-service-mesh-common';
import { stat } from 'fs/promises';
import { basename, resolve } from 'path';
import { readSnapshot } from '../adapters/snapshot/readSnapshot';
import { EntityReportService } from '../services/EntityReportService';
import { SnapshotClusterSource } from '../services/SnapshotClusterSource';
import { snapshotCatalogGraph } from './snapshotCatalogGraph';

/** `meshlens assess` output: product.md §6. */
export interface AssessResult {
  entities: EntityMeshReport[];
  clusters: ClusterReport[];
  errors: SourceErrorReport[];
}

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {}

const silent = { info() {}, warn() {}, error() {}, debug() {}, child() { return silent; } } as any;

/**
 * Assesses every catalog entity of a snapshot (or one) with the backend's own code: the snapshot
 * source, the domain core and the report service, the catalog graph built from the snapshot's
 * `catalog/` descriptors.
 */
export async function assessSnapshot(dir: string, entityRef?: string, windowSeconds = 3600): Promise<AssessResult> {
  const path = resolve(dir);
  if (!(await stat(path).catch(() => undefined))?.isDirectory()) throw new UsageError(`--snapshot ${dir} is not a directory`);
  const name = basename(path);
  const snapshot = await readSnapshot(path, name, 'linkerd');
  const catalog = snapshot.catalog as unknown as Entity[];
  const graph = snapshotCatalogGraph(catalog);
  const source = new SnapshotClusterSource(name, path, 'linkerd', silent);
  const service = new EntityReportService([source], windowSeconds, () => new Date(), { get: async () => graph });
  let wanted: string | undefined;
  try {
    wanted = entityRef === undefined ? undefined : stringifyEntityRef(parseEntityRef(entityRef, { defaultKind: 'component', defaultNamespace: 'default' }));
  } catch (e) {
    throw new UsageError(`--entity: ${(e as Error).message}`);
  }
  const selected = catalog.filter(e => ['Component', 'Resource'].includes(e.kind) && (!wanted || stringifyEntityRef(e) === wanted));
  if (wanted && selected.length === 0) throw new UsageError(`no entity ${wanted} in ${dir}/catalog`);
  const entities = [];
  for (const e of selected) entities.push(await service.getReport(e, stringifyEntityRef(e)));
  const clusters = await service.getClusters();
  const errors = clusters.flatMap(c => c.errors);
  return { entities, clusters, errors };
}
