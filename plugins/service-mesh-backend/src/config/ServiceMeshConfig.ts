import { Config } from '@backstage/config';
import { CatalogLocatorOptions, GkeLocatorOptions, kubernetesPluginClusters } from './kubernetesPluginClusters';
import { readClusterConfig } from './readClusterConfig';
import { readAdoptionConfig } from './readAdoptionConfig';
import { HistoryConfig, readHistoryConfig } from './readHistoryConfig';
import { AdoptionConfig } from '@meshlens/plugin-service-mesh-common';
import { parsePrometheusDuration } from '../adapters/prometheus/parsePrometheusDuration';

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
  /**
   * Scrape interval of the proxies in seconds (`serviceMesh.metrics.scrapeInterval`, set on the
   * cluster when its source is created); when absent, read from Prometheus's configuration.
   */
  prometheusScrapeIntervalSeconds?: number;
  /** API server (`kubernetes` source): URL + token + CA, or a kubeconfig. */
  url?: string;
  serviceAccountToken?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
  kubeconfig?: { path: string; context?: string };
  /**
   * The Kubernetes plugin's auth provider (`serviceAccount`, `aws`, `azure`, `googleServiceAccount`,
   * `localKubectlProxy`; `google`, `oidc`, `aks` are client-side and cannot be read). Default
   * `serviceAccount`: the token above, else the pod's own ServiceAccount.
   */
  authProvider?: string;
  /** The Kubernetes plugin's auth metadata (annotation names, e.g. `kubernetes.io/x-k8s-aws-id`). */
  authMetadata?: Record<string, string>;
  /** Where the cluster was found (a config key, a catalog entity, a GKE project), for messages. */
  origin?: string;
}

/** The pod's own ServiceAccount, used by a `serviceAccount` cluster without a token. */
export interface InClusterConfig {
  /** Projected token, re-read on every connection as the kubelet rotates it. */
  tokenFile: string;
  /** The cluster's CA; its presence means "running in a pod", as the Kubernetes plugin checks. */
  caFile: string;
}

/** Clusters found at run time (catalog, GKE), re-read every `refreshMs`. */
export interface ClusterLocatorsConfig {
  catalog: CatalogLocatorOptions[];
  gke: GkeLocatorOptions[];
  refreshMs: number;
  /** `serviceMesh.clusters` entries for located clusters (credentials, Prometheus), by name. */
  overlays: Map<string, (base: ClusterConfig) => ClusterConfig>;
}

/** The plugin's configuration, read once at start. */
export interface ServiceMeshConfig {
  clusters: ClusterConfig[];
  /** Window of the golden metrics and mTLS in entity reports, in seconds (default 1h). */
  metricsWindowSeconds: number;
  /** How long one batch of metrics queries is reused, in ms (default 30 s). */
  metricsRefreshMs: number;
  /**
   * `serviceMesh.metrics.scrapeInterval` in seconds, for every Prometheus cluster; when absent,
   * each reads it from its Prometheus's configuration.
   */
  metricsScrapeIntervalSeconds?: number;
  /** Server-speaks-first ports checked by `opaque-ports-required` (default NATS: 4222, 6222, 8222). */
  serverSpeaksFirstPorts?: number[];
  /** The adoption model's thresholds, weights and cost constants. */
  adoption: AdoptionConfig;
  /** The scheduled history task and owner notifications. */
  history: HistoryConfig;
  inCluster: InClusterConfig;
  locators: ClusterLocatorsConfig;
  /** Log lines about Kubernetes-plugin settings that do not apply. */
  notes: string[];
}

/** Where Kubernetes mounts a pod's ServiceAccount (token, ca.crt). */
const SERVICEACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

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
 * `prometheus`); `catalog` and `gke` locators are kept for the run-time registry, with the
 * `serviceMesh` entries meant for what they find. With no cluster and no locator the list is
 * empty: the plugin then serves nothing and says so in every answer's `errors[]`. Invalid values
 * throw an Error naming the key, so a misconfigured backend fails at start.
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
  const scrape = root?.getOptionalString('metrics.scrapeInterval');
  const metricsScrapeIntervalSeconds = scrape === undefined ? undefined : parsePrometheusDuration(scrape);
  if (scrape !== undefined && (metricsScrapeIntervalSeconds === undefined || metricsScrapeIntervalSeconds < 1 || metricsScrapeIntervalSeconds > 3600)) {
    throw new Error(`Invalid serviceMesh.metrics.scrapeInterval "${scrape}": a Prometheus duration from 1s to 1h, e.g. 10s`);
  }
  const common = { metricsWindowSeconds, metricsScrapeIntervalSeconds, metricsRefreshMs: (root?.getOptionalNumber('metrics.refreshSeconds') ?? 30) * 1000, serverSpeaksFirstPorts: ports as number[] | undefined, adoption: readAdoptionConfig(root?.getOptionalConfig('adoption')), history: readHistoryConfig(root) };

  const plugin = kubernetesPluginClusters(config);
  const fromKubernetesPlugin = plugin.clusters;
  const own = root?.getOptionalConfigArray('clusters') ?? [];
  const refreshSeconds = root?.getOptionalNumber('clusterLocators.refreshSeconds') ?? 30;
  if (!(refreshSeconds > 0)) throw new Error('Invalid serviceMesh.clusterLocators.refreshSeconds: a positive number of seconds');
  const locators: ClusterLocatorsConfig = { catalog: plugin.catalog, gke: plugin.gke, refreshMs: refreshSeconds * 1000, overlays: new Map() };
  const inClusterPath = (key: string, file: string) => {
    const path = root?.getOptionalString(`inCluster.${key}`);
    return path ? resolvePath(path) : `${SERVICEACCOUNT_DIR}/${file}`;
  };
  const inCluster: InClusterConfig = { tokenFile: inClusterPath('tokenFile', 'token'), caFile: inClusterPath('caFile', 'ca.crt') };
  const located = locators.catalog.length + locators.gke.length > 0;
  const byName = new Map<string, ClusterConfig>();
  fromKubernetesPlugin.forEach(({ config: c, key, authProvider, authMetadata }) => {
    const cluster = readClusterConfig(c, key, resolvePath, undefined, { authProvider, authMetadata });
    if (byName.has(cluster.name)) throw new Error(`Duplicate ${key}.name "${cluster.name}"`);
    byName.set(cluster.name, cluster);
  });
  const seen = new Set<string>();
  own.forEach((c, i) => {
    const key = `serviceMesh.clusters[${i}]`;
    const name = c.getString('name');
    if (seen.has(name)) throw new Error(`Duplicate ${key}.name "${name}"`);
    seen.add(name);
    const base = byName.get(name);
    const standalone = c.has('url') || c.has('kubeconfig') || c.getOptionalString('source') === 'snapshot';
    if (!base && !standalone && located) {
      // Credentials or Prometheus for a cluster a catalog or GKE locator will find.
      readClusterConfig(c, key, resolvePath, { name, source: 'kubernetes', url: 'https://located', controlPlaneNamespace: 'linkerd', prometheusTimeoutMs: 5000 });
      locators.overlays.set(name, found => readClusterConfig(c, key, resolvePath, found));
      return;
    }
    byName.set(name, readClusterConfig(c, key, resolvePath, base));
  });
  return { ...common, inCluster, locators, notes: plugin.notes, clusters: [...byName.values()] };
}
