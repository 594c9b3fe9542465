import { Finding } from '../api/EntityMeshReport';
import { ControlPlane } from './controlPlane';
import { CertificateInfo } from './kube';

/** `linkerd check` warns when a certificate is valid for fewer than 60 days. */
export const CERTIFICATE_WARNING_DAYS = 60;
const DAY_MS = 24 * 3600 * 1000;

/** How `linkerd check` names the check and the certificate (`pkg/healthcheck/healthcheck.go`). */
export interface LinkerdCheckWording {
  /** The check's description: `issuer cert is valid for at least 60 days`. */
  check: string;
  /** How its error names the certificate: `issuer certificate`. */
  subject: string;
}

/** A time as Go's `time.RFC3339` prints it in UTC. */
const rfc3339 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A certificate-expiring finding when `expiresAt` is within the warning window of `now`. */
export function certificateFinding(cluster: string, what: string, expiresAt: Date, now: Date, wording?: LinkerdCheckWording): Finding | undefined {
  const days = Math.floor((expiresAt.getTime() - now.getTime()) / DAY_MS);
  if (days >= CERTIFICATE_WARNING_DAYS) return undefined;
  const check = wording ? `: "${wording.check}": ${wording.subject} will expire on ${rfc3339(expiresAt)}` : '';
  return {
    code: 'certificate-expiring',
    severity: days < 0 ? 'error' : 'warning',
    message: days < 0
      ? `The ${what} expired on ${expiresAt.toISOString().slice(0, 10)}${wording ? ` (linkerd check${check})` : ''}: proxies can no longer establish mTLS with new certificates.`
      : `The ${what} expires on ${expiresAt.toISOString().slice(0, 10)} (in ${days} days, under the ${CERTIFICATE_WARNING_DAYS}-day window of linkerd check${check}): rotate it.`,
    cluster,
    expiresAt: expiresAt.toISOString(),
  };
}

/** `linkerd check`'s validity-period error when `notBefore` is still ahead (`issuercerts.CheckCertValidityPeriod`). */
export function notYetValidFinding(cluster: string, what: string, notBefore: Date, now: Date, wording: LinkerdCheckWording): Finding | undefined {
  if (notBefore.getTime() <= now.getTime()) return undefined;
  return {
    code: 'certificate-expiring',
    severity: 'error',
    message: `The ${what} is not valid yet (linkerd check: "${wording.check}": ${wording.subject} is not valid before: ${rfc3339(notBefore)}): certificates it signs are rejected until then.`,
    cluster,
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
