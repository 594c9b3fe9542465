import type * as k8s from '@kubernetes/client-node';
import { readFileSync } from 'fs';
import { ClusterConfig } from '../../config/ServiceMeshConfig';

/**
 * A KubeConfig for one configured cluster: URL + service-account token + CA, or a kubeconfig
 * file and context for local use.
 */
export function kubeConfigFor(client: typeof k8s, c: ClusterConfig): k8s.KubeConfig {
  const kc = new client.KubeConfig();
  if (c.kubeconfig) {
    kc.loadFromFile(c.kubeconfig.path);
    if (c.kubeconfig.context) kc.setCurrentContext(c.kubeconfig.context);
    return kc;
  }
  const caData = c.caData ?? (c.caFile ? Buffer.from(readFileSync(c.caFile)).toString('base64') : undefined);
  kc.loadFromOptions({
    clusters: [{ name: c.name, server: c.url, caData: caData && toBase64(caData), skipTLSVerify: c.skipTLSVerify ?? false }],
    users: [{ name: 'meshlens', token: c.serviceAccountToken }],
    contexts: [{ name: c.name, cluster: c.name, user: 'meshlens' }],
    currentContext: c.name,
  });
  return kc;
}

/** caData may be given as PEM or base64 PEM; client-node wants base64. */
function toBase64(ca: string): string {
  return ca.includes('-----BEGIN') ? Buffer.from(ca).toString('base64') : ca;
}
