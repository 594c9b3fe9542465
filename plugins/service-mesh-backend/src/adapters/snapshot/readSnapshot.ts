import { promises as fs } from 'fs';
import { join, relative } from 'path';
import {
  ClusterSnapshot,
  KubeObject,
  SourceErrorReport,
} from '@meshlens/plugin-service-mesh-common';
import { listFiles } from './listFiles';
import { readYamlDocuments } from './readYamlDocuments';
import { expandLists, isKubeObject, shapeProblem, toClusterObjects } from './toClusterObjects';

/** A catalog entity descriptor as read from a snapshot's `catalog/` folder. */
export interface SnapshotEntity {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string>; [k: string]: unknown };
  spec?: Record<string, unknown>;
}

/** A snapshot directory, read. */
export interface Snapshot {
  cluster: ClusterSnapshot;
  catalog: SnapshotEntity[];
  /** `metrics/*.om` files (OpenMetrics), evaluated by the metrics adapter. */
  metricsFiles: string[];
  /** The snapshot's "now" (`snapshot.yaml` `capturedAt`). */
  capturedAt?: Date;
  errors: SourceErrorReport[];
}

async function readDocuments(file: string, base: string, errors: SourceErrorReport[]) {
  const source = `snapshot:${relative(base, file) || file}`;
  const text = await fs.readFile(file, 'utf8');
  const parsed = readYamlDocuments(text, source);
  errors.push(...parsed.errors);
  return parsed.documents.map(d => ({ ...d, source }));
}

async function readCapturedAt(dir: string, errors: SourceErrorReport[]): Promise<Date | undefined> {
  const file = join(dir, 'snapshot.yaml');
  const docs = await readDocuments(file, dir, errors).catch(() => []);
  const value = (docs[0]?.value as { capturedAt?: unknown } | undefined)?.capturedAt;
  if (value === undefined) return undefined;
  const date = new Date(String(value instanceof Date ? value.toISOString() : value));
  if (Number.isNaN(date.getTime())) {
    errors.push({ source: 'snapshot:snapshot.yaml', message: `capturedAt "${value}" is not a date` });
    return undefined;
  }
  return date;
}

/**
 * Reads a snapshot directory: `cluster/**` Kubernetes objects, `catalog/**` entities and
 * `metrics/*.om`. Each malformed file or document is named in `errors` and the rest is kept.
 */
export async function readSnapshot(
  dir: string,
  name: string,
  controlPlaneNamespace: string,
): Promise<Snapshot> {
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new Error(`snapshot directory ${dir} does not exist`);
  const errors: SourceErrorReport[] = [];
  const yamlExt = ['.yaml', '.yml', '.json'];
  const objects: KubeObject[] = [];
  for (const file of await listFiles(join(dir, 'cluster'), yamlExt)) {
    for (const doc of await readDocuments(file, dir, errors)) {
      for (const item of expandLists(doc.value)) {
        const problem = isKubeObject(item) ? shapeProblem(item) : 'not a Kubernetes object (kind and metadata.name required)';
        if (problem) errors.push({ source: doc.source, message: `line ${doc.line}: ${problem}` });
        else objects.push(item as KubeObject);
      }
    }
  }
  const catalog: SnapshotEntity[] = [];
  for (const file of await listFiles(join(dir, 'catalog'), ['.yaml', '.yml'])) {
    for (const doc of await readDocuments(file, dir, errors)) {
      const e = doc.value as SnapshotEntity;
      if (typeof e?.apiVersion === 'string' && typeof e.kind === 'string' && typeof e.metadata?.name === 'string') catalog.push(e);
      else errors.push({ source: doc.source, message: `line ${doc.line}: not a catalog entity (apiVersion, kind and metadata.name required)` });
    }
  }
  const sorted = toClusterObjects(objects, controlPlaneNamespace);
  if (sorted.ignored.Secret) {
    errors.push({ source: `snapshot:${name}`, message: `${sorted.ignored.Secret} Secret(s) ignored: Meshlens never reads Secrets` });
  }
  return {
    cluster: { name, controlPlaneNamespace, objects: sorted.objects },
    catalog,
    metricsFiles: await listFiles(join(dir, 'metrics'), ['.om']),
    capturedAt: await readCapturedAt(dir, errors),
    errors,
  };
}
