import { DEFAULT_TRUST_DOMAIN } from '../metrics/peerIdentities';

/**
 * The mTLS identity Linkerd's identity controller issues to a pod's proxy: the pod's
 * ServiceAccount, namespace and the trust domain (for a workload with no meshed pod to read
 * the proxy's `LINKERD2_PROXY_IDENTITY_LOCAL_NAME` from).
 */
export function serviceAccountIdentity(serviceAccount: string | undefined, namespace: string, trustDomain = DEFAULT_TRUST_DOMAIN): string {
  return `${serviceAccount || 'default'}.${namespace}.serviceaccount.identity.linkerd.${trustDomain}`;
}
