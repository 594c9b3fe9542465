// The bench's app-config layer (loaded after the repository's app-config.yaml): loopback port,
// the bench catalog, one live cluster for both plugins under the same name and token, and the
// demo backend's background jobs that would add load during the measurement switched off.
import { writeFileSync } from 'node:fs';
import { TEAMS, teamRef } from './catalog.ts';

export interface ClusterTarget {
  apiUrl: string;
  /** The apiserver's CA (PEM). */
  ca: string;
  /** Token of the restricted ServiceAccount of deploy/rbac.yaml. */
  token: string;
  prometheusUrl: string;
  /** Unix seconds at which Meshlens evaluates its queries (inside the backfilled data). */
  evaluationTime: number;
}

export const CLUSTER_NAME = 'bench';
/** Seconds a batch of Prometheus queries is reused (serviceMesh.metrics.refreshSeconds). */
export const METRICS_REFRESH_SECONDS = 10;
/** What the restricted role may list, out of the Kubernetes plugin's default object types. */
const READABLE_OBJECT_TYPES = ['pods', 'services', 'deployments', 'replicasets', 'jobs', 'cronjobs', 'statefulsets', 'daemonsets'];

export function benchConfig(port: number, catalogFile: string, c: ClusterTarget, policyFile: string) {
  const url = `http://127.0.0.1:${port}`;
  const caData = Buffer.from(c.ca).toString('base64');
  return {
    app: { baseUrl: url, disableConfigInjection: true },
    backend: { baseUrl: url, listen: { port, host: '127.0.0.1' }, cors: { origin: url } },
    // The guest owns every team, so an owners-only catalog policy (variants.ts) hides nothing
    // from it: the variant measures the cost of conditional decisions, not of fewer answers.
    auth: { providers: { guest: { dangerouslyAllowOutsideDevelopment: true, ownershipEntityRefs: ['user:development/guest', ...Array.from({ length: TEAMS }, (_, t) => teamRef(t))] } } },
    // The demo policy reads catalog.entity.read's rule from this file, re-read when it changes.
    permission: { enabled: true, policyFile },
    catalog: { locations: [{ type: 'file', target: catalogFile }], processingInterval: { minutes: 30 } },
    serviceMesh: {
      clusters: [{
        name: CLUSTER_NAME, source: 'kubernetes', url: c.apiUrl, serviceAccountToken: c.token, caData, controlPlaneNamespace: 'linkerd',
        prometheus: { url: c.prometheusUrl, evaluationTime: c.evaluationTime },
      }],
      metrics: { window: '1h', refreshSeconds: METRICS_REFRESH_SECONDS },
      history: { enabled: false },
    },
    kubernetes: {
      // Singular in plugin-kubernetes-backend 0.21 (KubernetesInitializer reads serviceLocatorMethod.type).
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [{
        type: 'config',
        clusters: [{ name: CLUSTER_NAME, url: c.apiUrl, authProvider: 'serviceAccount', serviceAccountToken: c.token, caData, skipMetricsLookup: true }],
      }],
      objectTypes: READABLE_OBJECT_TYPES,
    },
    techInsights: {
      factRetrievers: { serviceMeshFactRetriever: { cadence: '0 0 1 1 *', initialDelay: { hours: 24 }, lifecycle: { maxItems: 10 } } },
    },
  };
}

/** Writes the config as JSON (valid YAML) and returns its path. */
export function writeBenchConfig(path: string, port: number, catalogFile: string, c: ClusterTarget, policyFile: string): string {
  writeFileSync(path, JSON.stringify(benchConfig(port, catalogFile, c, policyFile), null, 2));
  return path;
}
