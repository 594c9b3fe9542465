import type * as k8s from '@kubernetes/client-node';
import { readFileSync } from 'fs';
import { ClusterConfig } from '../../config/ServiceMeshConfig';
import { ClusterConnection } from './credentials/clusterConnection';

const PROVIDER = 'meshlens-credential';

/**
 * A KubeConfig for one cluster: a kubeconfig file and context for local use, else the
 * connection's server and CA with a bearer token asked of the connection on every request (list,
 * watch, reconnect), so a refreshed or rotated token is used from the next request on.
 */
export function kubeConfigFor(client: typeof k8s, c: ClusterConfig, connection?: ClusterConnection): k8s.KubeConfig {
  const kc = new client.KubeConfig();
  if (c.kubeconfig) {
    kc.loadFromFile(c.kubeconfig.path);
    if (c.kubeconfig.context) kc.setCurrentContext(c.kubeconfig.context);
    return kc;
  }
  const conn = connection ?? { server: c.url ?? '', caData: c.caData, caFile: c.caFile, skipTLSVerify: c.skipTLSVerify ?? false, token: async () => c.serviceAccountToken };
  const caData = conn.caData ?? (conn.caFile ? Buffer.from(readFileSync(conn.caFile)).toString('base64') : undefined);
  kc.loadFromOptions({
    clusters: [{ name: c.name, server: conn.server, caData: caData && toBase64(caData), skipTLSVerify: conn.skipTLSVerify }],
    users: [{ name: 'meshlens', authProvider: { name: PROVIDER, config: {} } }],
    contexts: [{ name: c.name, cluster: c.name, user: 'meshlens' }],
    currentContext: c.name,
  });
  kc.addAuthenticator({
    isAuthProvider: user => user.authProvider?.name === PROVIDER,
    applyAuthentication: async (_user, opts) => {
      const token = await conn.token();
      if (token) opts.headers = { ...opts.headers, Authorization: `Bearer ${token}` };
    },
  });
  return kc;
}

/** caData may be given as PEM or base64 PEM; client-node wants base64. */
function toBase64(ca: string): string {
  return ca.includes('-----BEGIN') ? Buffer.from(ca).toString('base64') : ca;
}
