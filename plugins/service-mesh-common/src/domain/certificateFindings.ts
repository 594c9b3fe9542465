import { Finding, IssuerCertificate, WebhookCertificate } from '../api/EntityMeshReport';
import { certificateFinding, notYetValidFinding } from './clusterFindings';

const ISSUER = 'identity issuer certificate';
const time = (iso: string) => new Date(iso);

/**
 * `certificate-expiring` for the identity issuer, worded as `linkerd check` words "issuer cert is
 * within its validity period" and "issuer cert is valid for at least 60 days". A cert-manager
 * Certificate that is Ready and due for renewal later is left to cert-manager (Linkerd's guide
 * issues it for 48 h); one past its renewal time and not Ready is a warning.
 */
export function issuerCertificateFindings(cluster: string, issuer: IssuerCertificate | undefined, now: Date): Finding[] {
  if (!issuer || issuer.source === 'unknown') return [];
  const out: Finding[] = [];
  const early = issuer.notBefore && notYetValidFinding(cluster, ISSUER, time(issuer.notBefore), now, { check: 'issuer cert is within its validity period', subject: 'issuer certificate' });
  if (early) out.push(early);
  if (!issuer.notAfter) return out;
  const renewal = issuer.renewalTime ? time(issuer.renewalTime).getTime() : undefined;
  if (issuer.source === 'cert-manager' && renewal !== undefined) {
    if (renewal > now.getTime() && issuer.ready === true) return out;
    if (renewal <= now.getTime() && issuer.ready === false) {
      out.push({ code: 'certificate-expiring', severity: 'warning', cluster, expiresAt: issuer.notAfter,
        message: `cert-manager has not renewed the ${ISSUER} ${issuer.certificate}: its renewal time ${issuer.renewalTime} has passed (${issuer.reason ?? 'Ready False'}); it expires on ${issuer.notAfter}.` });
      return out;
    }
  }
  const f = certificateFinding(cluster, ISSUER, time(issuer.notAfter), now, { check: 'issuer cert is valid for at least 60 days', subject: 'issuer certificate' });
  return f ? [...out, f] : out;
}

/** `certificate-expiring` for Linkerd's webhooks ("<webhook> cert is valid for at least 60 days"). */
export function webhookCertificateFindings(cluster: string, certs: WebhookCertificate[], now: Date): Finding[] {
  return certs.flatMap(c => {
    const wording = { check: `${c.webhook} cert is valid for at least 60 days`, subject: c.source === 'caBundle' ? `anchor ${c.subject}` : 'certificate' };
    const what = c.source === 'caBundle'
      ? `${c.webhook} webhook's CA "${c.subject}" (the caBundle of its webhook configuration; its serving certificate is in a Secret Meshlens does not read)`
      : `${c.webhook} webhook certificate (${c.certificate})`;
    const f = certificateFinding(cluster, what, time(c.notAfter), now, wording);
    return f ? [f] : [];
  });
}
