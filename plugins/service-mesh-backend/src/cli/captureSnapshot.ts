import { SourceErrorReport } from '@meshlens/plugin-service-mesh-common';
import { promises as fs } from 'fs';
import { basename, join } from 'path';
import { stringify } from 'yaml';
import { listClusterObjects } from '../adapters/kubernetes/listClusterObjects';
import { captureMetrics } from '../adapters/prometheus/captureMetrics';
import { PrometheusClient } from '../adapters/prometheus/PrometheusClient';
import { UsageError } from './assess';

/** A kubeconfig file (or the default one: $KUBECONFIG, ~/.kube/config) and a context in it. */
export interface KubeconfigOptions {
  kubeconfig?: string;
  context?: string;
}

/** Loads the kubeconfig; a missing file or context is a usage error. */
export async function loadKubeConfig(opts: KubeconfigOptions) {
  const client = await import('@kubernetes/client-node');
  const kc = new client.KubeConfig();
  try {
    if (opts.kubeconfig) kc.loadFromFile(opts.kubeconfig);
    else kc.loadFromDefault();
    if (opts.context) kc.setCurrentContext(opts.context);
  } catch (e) {
    throw new UsageError(`cannot load the kubeconfig: ${(e as Error).message}`);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new UsageError(`the kubeconfig has no cluster for context "${kc.getCurrentContext()}"`);
  return { client, kc, clusterName: cluster.name };
}

export interface CaptureOptions extends KubeconfigOptions {
  prometheus?: string;
  windowSeconds: number;
  /** Unix seconds the capture counts as "now" (replayed metrics); default the current time. */
  at?: number;
  controlPlaneNamespace: string;
  catalog: string[];
  out: string;
}

export interface CaptureResult {
  out: string;
  objects: number;
  series: number;
  errors: SourceErrorReport[];
}

/**
 * `meshlens snapshot`: reads a live cluster (and its Prometheus) once with the backend's own
 * adapters and writes a snapshot directory the snapshot source and `assess --snapshot` read:
 * `cluster/*.yaml` (one `kind: List` per kind, stripped, never Secrets), `catalog/` (copies of
 * the given descriptor files), `metrics/prometheus.om` and `snapshot.yaml` (`capturedAt`).
 * The directory is named after the cluster the snapshot source will report.
 */
export async function captureSnapshot(opts: CaptureOptions): Promise<CaptureResult> {
  const existing = await fs.readdir(opts.out).catch(() => [] as string[]);
  if (existing.length > 0) throw new UsageError(`--out ${opts.out} exists and is not empty`);
  const { client, kc, clusterName } = await loadKubeConfig(opts);
  const cluster = basename(opts.out);
  const at = opts.at ?? Math.floor(Date.now() / 1000);

  const { lists, errors } = await listClusterObjects(client, kc, cluster, opts.controlPlaneNamespace);
  await fs.mkdir(join(opts.out, 'cluster'), { recursive: true });
  for (const list of lists) {
    await fs.writeFile(join(opts.out, 'cluster', list.file), stringify({ apiVersion: 'v1', kind: 'List', items: list.items }));
  }

  await fs.mkdir(join(opts.out, 'catalog'), { recursive: true });
  for (const [i, file] of opts.catalog.entries()) {
    try {
      await fs.copyFile(file, join(opts.out, 'catalog', `${i}-${basename(file)}`));
    } catch (e) {
      throw new UsageError(`--catalog ${file}: ${(e as Error).message}`);
    }
  }

  let series = 0;
  if (opts.prometheus) {
    try {
      const captured = await captureMetrics(new PrometheusClient(opts.prometheus, 30_000), at, opts.windowSeconds);
      await fs.mkdir(join(opts.out, 'metrics'), { recursive: true });
      await fs.writeFile(join(opts.out, 'metrics', 'prometheus.om'), captured.text);
      series = captured.series;
    } catch (e) {
      errors.push({ source: `prometheus:${cluster}`, message: (e as Error).message });
    }
  }
  await fs.writeFile(join(opts.out, 'snapshot.yaml'), stringify({ capturedAt: new Date(at * 1000).toISOString(), cluster: clusterName, context: kc.getCurrentContext() }));
  return { out: opts.out, objects: lists.reduce((n, l) => n + l.items.length, 0), series, errors };
}
