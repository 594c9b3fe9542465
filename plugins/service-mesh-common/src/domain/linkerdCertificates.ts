import { IssuerCertificate, WebhookCertificate } from '../api/EntityMeshReport';
import { ClusterSnapshot, CustomObject } from './kube';

/** The Secret identity reads its issuer from (linkerd2 `pkg/k8s/labels.go` IdentityIssuerSecretName). */
export const ISSUER_SECRET = 'linkerd-identity-issuer';

/** Linkerd's webhooks: their serving-cert Secrets and configurations (`pkg/healthcheck/healthcheck.go`, `pkg/k8s/labels.go`). */
export const LINKERD_WEBHOOKS = [
  { webhook: 'proxy-injector', secret: 'linkerd-proxy-injector-k8s-tls', config: 'linkerd-proxy-injector-webhook-config' },
  { webhook: 'sp-validator', secret: 'linkerd-sp-validator-k8s-tls', config: 'linkerd-sp-validator-webhook-config' },
  { webhook: 'policy-validator', secret: 'linkerd-policy-validator-k8s-tls', config: 'linkerd-policy-validator-webhook-config' },
];

type CertStatus = { notBefore?: string; notAfter?: string; renewalTime?: string; conditions?: Array<{ type?: string; status?: string; message?: string }> };

/** The cert-manager Certificate in `namespace` that writes the Secret `secret`. */
function certificateFor(certificates: CustomObject[], namespace: string, secret: string): CustomObject | undefined {
  return certificates.find(c => c.metadata.namespace === namespace && c.spec?.secretName === secret);
}

const status = (c: CustomObject): CertStatus => ((c as { status?: CertStatus }).status ?? {});
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The identity issuer from its cert-manager Certificate, when there is one. */
export function issuerFromCertManager(snapshot: ClusterSnapshot): IssuerCertificate | undefined {
  const ns = snapshot.controlPlaneNamespace;
  const c = certificateFor(snapshot.objects.certificates, ns, ISSUER_SECRET);
  if (!c) return undefined;
  const st = status(c);
  const ready = st.conditions?.find(x => x.type === 'Ready');
  return defined({
    source: 'cert-manager' as const,
    certificate: `${ns}/${c.metadata.name}`,
    notBefore: st.notBefore,
    notAfter: st.notAfter,
    renewalTime: st.renewalTime,
    ready: ready ? ready.status === 'True' : undefined,
    reason: ready && ready.status !== 'True' ? `Ready ${ready.status}: ${ready.message ?? ''}`.trim() : undefined,
  });
}

/**
 * The issuer from `issuer_cert_ttl_seconds` read at `end` (epoch seconds). Identity reports 0
 * until it has loaded its issuer (linkerd2 `pkg/identity/service.go`): that is no expiry.
 */
export function issuerFromMetric(ttlSeconds: number, end: number): IssuerCertificate {
  if (ttlSeconds === 0) {
    return { source: 'unknown', reason: 'issuer_cert_ttl_seconds is 0: identity has not loaded its issuer certificate yet' };
  }
  return { source: 'metric', notAfter: new Date((end + ttlSeconds) * 1000).toISOString() };
}

/** Why the issuer expiry is unknown when neither cert-manager nor the metric tells it. */
export function issuerUnknown(controlPlaneNamespace: string): IssuerCertificate {
  return {
    source: 'unknown',
    reason: `no cert-manager Certificate for the Secret ${ISSUER_SECRET} in namespace ${controlPlaneNamespace}, and issuer_cert_ttl_seconds is not scraped (viz's Prometheus keeps only ports named admin; identity serves it on ident-admin). Meshlens reads no Secrets.`,
  };
}

/** Linkerd's webhook certificates readable without Secrets: cert-manager Certificates, else the caBundle CA. */
export function webhookCertificates(snapshot: ClusterSnapshot): WebhookCertificate[] {
  const ns = snapshot.controlPlaneNamespace;
  return LINKERD_WEBHOOKS.flatMap((w): WebhookCertificate[] => {
    const c = certificateFor(snapshot.objects.certificates, ns, w.secret);
    const st = c ? status(c) : undefined;
    if (c && st?.notAfter) {
      return [defined({ webhook: w.webhook, source: 'cert-manager' as const, certificate: `${ns}/${c.metadata.name}`, notBefore: st.notBefore, notAfter: st.notAfter })];
    }
    const bundle = snapshot.webhookCaBundles?.find(b => b.webhook === w.config);
    return (bundle?.certificates ?? []).map(ca => defined({ webhook: w.webhook, source: 'caBundle' as const, subject: ca.subject, notBefore: ca.notBefore, notAfter: ca.notAfter }));
  });
}
