import { Config } from '@backstage/config';

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
  /** True when no `serviceMesh` section exists and the demo snapshots are served. */
  demo: boolean;
}

/** Names are DNS-label-like so they can appear in annotations and URLs. */
const CLUSTER_NAME = /^[a-zA-Z0-9]([-_.a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;

/**
 * Reads `serviceMesh` into a typed object. Invalid values throw an Error naming the key, so a
 * misconfigured backend fails at start rather than serving wrong data.
 */
export function readServiceMeshConfig(
  config: Config,
  resolvePath: (path: string) => string,
  demoDirs: () => string[],
): ServiceMeshConfig {
  const root = config.getOptionalConfig('serviceMesh');
  if (!root) {
    const clusters = demoDirs().map(dir => ({
      name: dir.split(/[\\/]/).pop()!,
      source: 'snapshot' as const,
      path: dir,
      controlPlaneNamespace: 'linkerd',
    }));
    return { clusters: clusters.map(c => ({ ...c, prometheusTimeoutMs: 5000 })), demo: true, metricsWindowSeconds: 3600, metricsRefreshMs: 30_000 };
  }
  const seen = new Set<string>();
  const clusters = (root.getOptionalConfigArray('clusters') ?? []).map((c, i) => {
    const key = `serviceMesh.clusters[${i}]`;
    const name = c.getString('name');
    if (!CLUSTER_NAME.test(name)) throw new Error(`Invalid ${key}.name "${name}": use letters, digits, '-', '_' or '.' (max 63)`);
    if (seen.has(name)) throw new Error(`Duplicate ${key}.name "${name}"`);
    seen.add(name);
    const source = c.getOptionalString('source') ?? 'kubernetes';
    if (source !== 'snapshot' && source !== 'kubernetes') {
      throw new Error(`Invalid ${key}.source "${source}": expected "snapshot" or "kubernetes"`);
    }
    const path = c.getOptionalString('path');
    if (source === 'snapshot' && !path) throw new Error(`Missing ${key}.path for a snapshot source`);
    const kubeconfigPath = c.getOptionalString('kubeconfig.path');
    const url = c.getOptionalString('url');
    if (source === 'kubernetes' && !url && !kubeconfigPath) {
      throw new Error(`Missing ${key}.url (or ${key}.kubeconfig.path) for a kubernetes source`);
    }
    return {
      name,
      source,
      path: path ? resolvePath(path) : undefined,
      controlPlaneNamespace: c.getOptionalString('controlPlaneNamespace') ?? 'linkerd',
      prometheusUrl: c.getOptionalString('prometheus.url'),
      prometheusTimeoutMs: c.getOptionalNumber('prometheus.timeoutMs') ?? 5000,
      prometheusEvaluationTime: c.getOptionalNumber('prometheus.evaluationTime'),
      url,
      serviceAccountToken: c.getOptionalString('serviceAccountToken'),
      caData: c.getOptionalString('caData'),
      caFile: c.getOptionalString('caFile') ? resolvePath(c.getString('caFile')) : undefined,
      skipTLSVerify: c.getOptionalBoolean('skipTLSVerify'),
      kubeconfig: kubeconfigPath
        ? { path: resolvePath(kubeconfigPath), context: c.getOptionalString('kubeconfig.context') }
        : undefined,
    } as ClusterConfig;
  });
  const window = root.getOptionalString('metrics.window') ?? '1h';
  const metricsWindowSeconds = parseWindow(window);
  if (metricsWindowSeconds === undefined) throw new Error(`Invalid serviceMesh.metrics.window "${window}": use 1m to 24h, e.g. 5m, 1h`);
  return {
    clusters,
    demo: false,
    metricsWindowSeconds,
    metricsRefreshMs: (root.getOptionalNumber('metrics.refreshSeconds') ?? 30) * 1000,
  };
}

/** Parses a window such as `90s`, `5m`, `1h` into seconds, within 1m..24h; undefined otherwise. */
export function parseWindow(value: string): number | undefined {
  const m = /^([1-9][0-9]{0,5})([smh])$/.exec(value);
  if (!m) return undefined;
  const seconds = Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as 's' | 'm' | 'h'];
  return seconds >= 60 && seconds <= 86400 ? seconds : undefined;
}
