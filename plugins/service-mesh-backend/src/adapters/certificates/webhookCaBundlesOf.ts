import { X509Certificate } from 'crypto';
import { CertificateInfo, ClusterObjects, LINKERD_WEBHOOKS, WebhookCaBundle } from '@meshlens/plugin-service-mesh-common';

type WebhookConfiguration = { metadata: { name: string }; webhooks?: Array<{ clientConfig?: { caBundle?: string } }> };

/** Parses PEM certificates into their subject and validity; unreadable ones are reported. */
export function parsePemCertificates(pem: string, what: string): { certificates: CertificateInfo[]; errors: string[] } {
  const pems = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const certificates: CertificateInfo[] = [];
  const errors: string[] = [];
  pems.forEach((p, i) => {
    try {
      const cert = new X509Certificate(p);
      certificates.push({ subject: cert.subject.replace(/\n/g, ', '), notBefore: new Date(cert.validFrom).toISOString(), notAfter: new Date(cert.validTo).toISOString() });
    } catch (e) {
      errors.push(`${what}: certificate ${i + 1} cannot be parsed (${(e as Error).message})`);
    }
  });
  if (pems.length === 0) errors.push(`${what} holds no PEM certificate`);
  return { certificates, errors };
}

/**
 * The CAs in the `caBundle` of Linkerd's webhook configurations (`clientConfig.caBundle`, base64
 * PEM), as `linkerd check` reads them. The serving certificates are in Secrets: never read.
 */
export function webhookCaBundlesOf(objects: ClusterObjects): { bundles: WebhookCaBundle[]; errors: string[] } {
  const names = LINKERD_WEBHOOKS.map(w => w.config);
  const configs = [...objects.mutatingWebhooks, ...objects.validatingWebhooks] as unknown as WebhookConfiguration[];
  const bundles: WebhookCaBundle[] = [];
  const errors: string[] = [];
  for (const c of configs.filter(x => names.includes(x.metadata.name))) {
    const encoded = c.webhooks?.[0]?.clientConfig?.caBundle;
    if (!encoded) continue;
    const parsed = parsePemCertificates(Buffer.from(encoded, 'base64').toString('utf8'), `${c.metadata.name}: caBundle`);
    errors.push(...parsed.errors);
    if (parsed.certificates.length > 0) bundles.push({ webhook: c.metadata.name, certificates: parsed.certificates });
  }
  return { bundles, errors };
}
