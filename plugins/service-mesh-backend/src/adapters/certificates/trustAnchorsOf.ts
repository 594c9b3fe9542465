import { X509Certificate } from 'crypto';
import { CertificateInfo, ClusterObjects, LINKERD } from '@meshlens/plugin-service-mesh-common';

/**
 * Parses the trust anchors from the public `linkerd-identity-trust-roots` ConfigMap
 * (`ca-bundle.crt`). Never reads the issuer Secret. A certificate that cannot be parsed is
 * reported, the others kept.
 */
export function trustAnchorsOf(objects: ClusterObjects, controlPlaneNamespace: string): { anchors: CertificateInfo[]; errors: string[] } {
  const cm = objects.configMaps.find(c => c.metadata.namespace === controlPlaneNamespace && c.metadata.name === LINKERD.trustRootsConfigMap);
  const bundle = cm?.data?.['ca-bundle.crt'];
  if (!bundle) return { anchors: [], errors: [] };
  const pems = bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const anchors: CertificateInfo[] = [];
  const errors: string[] = [];
  pems.forEach((pem, i) => {
    try {
      const cert = new X509Certificate(pem);
      anchors.push({ subject: cert.subject.replace(/\n/g, ', '), notAfter: new Date(cert.validTo).toISOString() });
    } catch (e) {
      errors.push(`${LINKERD.trustRootsConfigMap}: certificate ${i + 1} cannot be parsed (${(e as Error).message})`);
    }
  });
  if (pems.length === 0) errors.push(`${LINKERD.trustRootsConfigMap}: ca-bundle.crt holds no PEM certificate`);
  return { anchors, errors };
}
