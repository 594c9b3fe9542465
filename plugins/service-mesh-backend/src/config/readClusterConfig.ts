import { Config } from '@backstage/config';
import type { ClusterConfig } from './ServiceMeshConfig';

/** Names are DNS-label-like so they can appear in annotations and URLs. */
const CLUSTER_NAME = /^[a-zA-Z0-9]([-_.a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;

/**
 * Reads one cluster entry (`serviceMesh.clusters[i]` or a Kubernetes-plugin cluster), over an
 * optional base entry of the same name (a located cluster). `auth` is a Kubernetes-plugin
 * cluster's provider and metadata; a `serviceAccountToken` given here wins over the base's provider
 * (Meshlens needs a server-side credential where the portal uses the user's). Throws an Error
 * naming the key when invalid.
 */
export function readClusterConfig(
  c: Config,
  key: string,
  resolvePath: (path: string) => string,
  base?: ClusterConfig,
  auth?: { authProvider: string; authMetadata: Record<string, string> },
): ClusterConfig {
  const name = c.getString('name');
  if (!CLUSTER_NAME.test(name)) throw new Error(`Invalid ${key}.name "${name}": use letters, digits, '-', '_' or '.' (max 63)`);
  const source = c.getOptionalString('source') ?? base?.source ?? 'kubernetes';
  if (source !== 'snapshot' && source !== 'kubernetes') {
    throw new Error(`Invalid ${key}.source "${source}": expected "snapshot" or "kubernetes"`);
  }
  const path = c.getOptionalString('path');
  if (source === 'snapshot' && !path) throw new Error(`Missing ${key}.path for a snapshot source`);
  const kubeconfigPath = c.getOptionalString('kubeconfig.path');
  const url = c.getOptionalString('url') ?? base?.url;
  if (source === 'kubernetes' && !url && !kubeconfigPath && !base?.kubeconfig) {
    throw new Error(`Missing ${key}.url (or ${key}.kubeconfig.path) for a kubernetes source`);
  }
  const timeout = c.getOptionalNumber('prometheus.timeoutMs');
  if (timeout !== undefined && !(timeout > 0)) throw new Error(`Invalid ${key}.prometheus.timeoutMs: a positive number of milliseconds`);
  const caFile = c.getOptionalString('caFile');
  const ownToken = c.getOptionalString('serviceAccountToken');
  const authProvider = auth?.authProvider ?? (ownToken ? 'serviceAccount' : base?.authProvider) ?? 'serviceAccount';
  return {
    name,
    source,
    path: path ? resolvePath(path) : undefined,
    controlPlaneNamespace: c.getOptionalString('controlPlaneNamespace') ?? base?.controlPlaneNamespace ?? 'linkerd',
    prometheusUrl: c.getOptionalString('prometheus.url') ?? base?.prometheusUrl,
    prometheusTimeoutMs: timeout ?? base?.prometheusTimeoutMs ?? 5000,
    prometheusEvaluationTime: c.getOptionalNumber('prometheus.evaluationTime'),
    url,
    serviceAccountToken: ownToken ?? base?.serviceAccountToken,
    authProvider,
    authMetadata: auth?.authMetadata ?? (ownToken ? undefined : base?.authMetadata),
    origin: base?.origin ?? key,
    caData: c.getOptionalString('caData') ?? base?.caData,
    caFile: caFile ? resolvePath(caFile) : base?.caFile,
    skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? base?.skipTLSVerify,
    kubeconfig: kubeconfigPath
      ? { path: resolvePath(kubeconfigPath), context: c.getOptionalString('kubeconfig.context') }
      : base?.kubeconfig,
  };
}
