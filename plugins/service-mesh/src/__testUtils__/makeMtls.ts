import type { MtlsReport } from '@meshlens/plugin-service-mesh-common';

/**
 * Builds an {@link @meshlens/plugin-service-mesh-common#MtlsReport} for
 * tests: mostly mTLS inbound traffic with an expected plaintext share from an
 * ingress, post-quantum key exchange preferred, with overrides applied on top.
 *
 * @internal
 */
export function makeMtls(overrides: Partial<MtlsReport> = {}): MtlsReport {
  return {
    inboundTlsRatio: 0.875,
    inboundRequests: 1600,
    byClient: [
      {
        clientId: 'web-ui.shop.serviceaccount.identity.linkerd.cluster.local',
        requests: 1200,
        share: 0.75,
      },
      {
        clientId: 'cart.shop.serviceaccount.identity.linkerd.cluster.local',
        requests: 200,
        share: 0.125,
      },
    ],
    plaintext: [
      {
        reason: 'no_tls_from_remote',
        requests: 200,
        share: 0.125,
        expected: true,
      },
    ],
    outbound: [
      {
        cluster: 'homelab',
        from: 'shop/Deployment/checkout',
        to: 'shop/Deployment/payments',
        serverId: 'payments.shop.serviceaccount.identity.linkerd.cluster.local',
        connections: 4,
      },
    ],
    crypto: {
      suites: ['TLS13_CHACHA20_POLY1305_SHA256', 'TLS13_AES_256_GCM_SHA384'],
      kxGroups: ['X25519MLKEM768', 'X25519', 'secp256r1'],
      postQuantumPreferred: true,
      fips: false,
    },
    leafCertificateExpiresAt: '2025-01-03T03:04:05.000Z',
    ...overrides,
  };
}
