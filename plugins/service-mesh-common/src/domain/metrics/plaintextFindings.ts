import { Finding, MtlsReport } from '../../api/EntityMeshReport';

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;

/**
 * `plaintext-inbound`: meshed workloads receive non-mTLS requests (or, on TCP-only ports, bytes)
 * that are not expected ingress traffic. Kubelet probes and the admin port are never counted.
 */
export function plaintextFindings(mtls: MtlsReport | undefined): Finding[] {
  const http = (mtls?.plaintext ?? []).filter(p => !p.expected && p.requests > 0);
  const tcp = (mtls?.tcp?.plaintext ?? []).filter(p => !p.expected && (p.bytes > 0 || p.connections > 0));
  if (http.length === 0 && tcp.length === 0) return [];
  const parts = [
    ...(http.length ? [`${pct(http.reduce((n, p) => n + p.share, 0))} of inbound requests arrive without mTLS: ${http.map(p => `${p.reason} (${pct(p.share)})`).join(', ')}`] : []),
    ...(tcp.length ? [`${pct(tcp.reduce((n, p) => n + p.share, 0))} of inbound TCP traffic arrives without mTLS: ${tcp.map(p => `${p.reason} (${pct(p.share)})`).join(', ')}`] : []),
  ];
  return [{
    code: 'plaintext-inbound',
    severity: 'warning',
    message: `${parts.join('; ')}. Mesh the clients, or mark the entity as ingress-facing if they are the ingress.`,
  }];
}
