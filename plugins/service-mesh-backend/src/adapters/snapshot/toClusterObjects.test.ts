import { toClusterObjects } from './toClusterObjects';

describe('toClusterObjects', () => {
  it('sorts ValidatingWebhookConfigurations and cert-manager Certificates into their fields', () => {
    const { objects, ignored } = toClusterObjects([
      { kind: 'ValidatingWebhookConfiguration', metadata: { name: 'linkerd-sp-validator-webhook-config' } },
      { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'linkerd-identity-issuer', namespace: 'linkerd' } },
      { apiVersion: 'example.com/v1', kind: 'Certificate', metadata: { name: 'other' } },
    ], 'linkerd');
    expect([objects.validatingWebhooks.length, objects.certificates.map(c => c.metadata.name), ignored]).toEqual([1, ['linkerd-identity-issuer'], { Certificate: 1 }]);
  });
});
