import { Finding } from '../api/EntityMeshReport';
import { ControlPlane } from './controlPlane';
import { CertificateInfo } from './kube';

/** `linkerd check` warns when a certificate is valid for fewer than 60 days. */
export const CERTIFICATE_WARNING_DAYS = 60;
const DAY_MS = 24 * 3600 * 1000;

/** A certificate-expiring finding when `expiresAt` is within the warning window of `now`. */
export function certificateFinding(cluster: string, what: string, expiresAt: Date, now: Date): Finding | undefined {
  const days = Math.floor((expiresAt.getTime() - now.getTime()) / DAY_MS);
  if (days >= CERTIFICATE_WARNING_DAYS) return undefined;
  return {
    code: 'certificate-expiring',
    severity: days < 0 ? 'error' : 'warning',
    message: days < 0
      ? `The ${what} expired on ${expiresAt.toISOString().slice(0, 10)}: proxies can no longer establish mTLS with new certificates.`
      : `The ${what} expires on ${expiresAt.toISOString().slice(0, 10)} (in ${days} days, under the ${CERTIFICATE_WARNING_DAYS}-day window of linkerd check): rotate it.`,
    cluster,
    expiresAt: expiresAt.toISOString(),
  };
}

/** Cluster-wide findings: no control plane, an unhealthy one, expiring trust anchors. */
export function clusterFindings(cluster: string, cp: ControlPlane, now: Date, trustAnchors: CertificateInfo[] = []): Finding[] {
  if (!cp.installed) {
    return [{
      code: 'linkerd-not-installed',
      severity: 'info',
      message: `No Linkerd control plane in namespace "${cp.namespace}" of cluster ${cluster}: nothing here can be meshed yet.`,
      cluster,
    }];
  }
  const out: Finding[] = [];
  const unready = cp.deployments.filter(d => d.ready < d.desired);
  if (unready.length > 0) {
    out.push({
      code: 'control-plane-unhealthy',
      severity: 'error',
      message: `Control-plane deployments not ready: ${unready.map(d => `${d.name} ${d.ready}/${d.desired}`).join(', ')}. Injection, identity or discovery may fail for new pods.`,
      cluster,
      namespace: cp.namespace,
    });
  }
  for (const anchor of trustAnchors) {
    const f = certificateFinding(cluster, `trust anchor "${anchor.subject}"`, new Date(anchor.notAfter), now);
    if (f) out.push(f);
  }
  return out;
}
