import { Config } from '@backstage/config';
import { kubernetesPluginClusters } from './kubernetesPluginClusters';
import { readClusterConfig } from './readClusterConfig';
import { readAdoptionConfig } from './readAdoptionConfig';
import { HistoryConfig, readHistoryConfig } from './readHistoryConfig';
import { AdoptionConfig } from '@meshlens/plugin-service-mesh-common';

/** One configured cluster. */
export interface ClusterConfig {
  name: string;
  source: 'snapshot' | 'kubernetes';
  /** Absolute snapshot directory (`snapshot` source). */
  path?: string;
  controlPlaneNamespace: string;
  prometheusUrl?: string;
  prometheusTimeoutMs: number;
  /** Pins Prometheus query time (unix seconds) for replayed or recorded data; live when absent. */
  prometheusEvaluationTime?: number;
  /** API server (`kubernetes` source): URL + token + CA, or a kubeconfig. */
  url?: string;
  serviceAccountToken?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
  kubeconfig?: { path: string; context?: string };
}

/** The plugin's configuration, read once at start. */
export interface ServiceMeshConfig {
  clusters: ClusterConfig[];
  /** Window of the golden metrics and mTLS in entity reports, in seconds (default 1h). */
  metricsWindowSeconds: number;
  /** How long one batch of metrics queries is reused, in ms (default 30 s). */
  metricsRefreshMs: number;
  /** Server-speaks-first ports checked by `opaque-ports-required` (default NATS: 4222, 6222, 8222). */
  serverSpeaksFirstPorts?: number[];
  /** The adoption model's thresholds, weights and cost constants. */
  adoption: AdoptionConfig;
  /** The scheduled history task and owner notifications. */
  history: HistoryConfig;
}

/** Parses a window such as `90s`, `5m`, `1h` into seconds, within 1m..24h; undefined otherwise. */
export function parseWindow(value: string): number | undefined {
  const m = /^([1-9][0-9]{0,5})([smh])$/.exec(value);
  if (!m) return undefined;
  const seconds = Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as 's' | 'm' | 'h'];
  return seconds >= 60 && seconds <= 86400 ? seconds : undefined;
}

/**
 * Reads `serviceMesh` into a typed object. Clusters come from `serviceMesh.clusters` and from
 * the Backstage Kubernetes plugin's `kubernetes.clusterLocatorMethods` (type `config`), merged by
 * name (a `serviceMesh` entry adds to or overrides the Kubernetes-plugin one, e.g. with
 * `prometheus`). With no cluster from either the list is empty: the plugin then serves nothing and
 * says so in every answer's `errors[]`. Invalid values throw an Error naming the key, so a
 * misconfigured backend fails at start.
 */
export function readServiceMeshConfig(
  config: Config,
  resolvePath: (path: string) => string,
): ServiceMeshConfig {
  const root = config.getOptionalConfig('serviceMesh');
  const window = root?.getOptionalString('metrics.window') ?? '1h';
  const metricsWindowSeconds = parseWindow(window);
  if (metricsWindowSeconds === undefined) throw new Error(`Invalid serviceMesh.metrics.window "${window}": use 1m to 24h, e.g. 5m, 1h`);
  const ports = root?.getOptional<unknown[]>('findings.serverSpeaksFirstPorts');
  if (ports !== undefined && (!Array.isArray(ports) || ports.some(p => !Number.isInteger(p) || (p as number) < 1 || (p as number) > 65535))) {
    throw new Error('Invalid serviceMesh.findings.serverSpeaksFirstPorts: a list of ports (integers 1..65535)');
  }
  const common = { metricsWindowSeconds, metricsRefreshMs: (root?.getOptionalNumber('metrics.refreshSeconds') ?? 30) * 1000, serverSpeaksFirstPorts: ports as number[] | undefined, adoption: readAdoptionConfig(root?.getOptionalConfig('adoption')), history: readHistoryConfig(root) };

  const fromKubernetesPlugin = kubernetesPluginClusters(config);
  const own = root?.getOptionalConfigArray('clusters') ?? [];
  const byName = new Map<string, ClusterConfig>();
  fromKubernetesPlugin.forEach(({ config: c, key }) => {
    const cluster = readClusterConfig(c, key, resolvePath);
    byName.set(cluster.name, cluster);
  });
  const seen = new Set<string>();
  own.forEach((c, i) => {
    const key = `serviceMesh.clusters[${i}]`;
    const name = c.getString('name');
    if (seen.has(name)) throw new Error(`Duplicate ${key}.name "${name}"`);
    seen.add(name);
    byName.set(name, readClusterConfig(c, key, resolvePath, byName.get(name)));
  });
  return { ...common, clusters: [...byName.values()] };
}
