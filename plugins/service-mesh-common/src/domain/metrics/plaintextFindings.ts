import { Finding, MtlsReport } from '../../api/EntityMeshReport';

/** `plaintext-inbound`: meshed workloads receive non-mTLS requests that are not expected ingress traffic. */
export function plaintextFindings(mtls: MtlsReport | undefined): Finding[] {
  const unexpected = (mtls?.plaintext ?? []).filter(p => !p.expected && p.requests > 0);
  if (unexpected.length === 0) return [];
  const share = unexpected.reduce((n, p) => n + p.share, 0);
  const reasons = unexpected.map(p => `${p.reason} (${(p.share * 100).toFixed(1)} %)`).join(', ');
  return [{
    code: 'plaintext-inbound',
    severity: 'warning',
    message: `${(share * 100).toFixed(1)} % of inbound requests arrive without mTLS: ${reasons}. Mesh the clients, or mark the entity as ingress-facing if they are the ingress.`,
  }];
}
