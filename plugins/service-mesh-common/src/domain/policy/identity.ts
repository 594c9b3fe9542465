/** Linkerd's default identity trust domain (`identityTrustDomain` in linkerd-config). */
export const DEFAULT_TRUST_DOMAIN = 'cluster.local';

/**
 * The mTLS identity Linkerd's identity controller issues to a pod's proxy: the pod's
 * ServiceAccount, namespace and the trust domain.
 */
export function serviceAccountIdentity(serviceAccount: string | undefined, namespace: string, trustDomain = DEFAULT_TRUST_DOMAIN): string {
  return `${serviceAccount || 'default'}.${namespace}.serviceaccount.identity.linkerd.${trustDomain}`;
}
