import { stripCertificate, stripObject } from './stripObject';

describe('stripObject', () => {
  // viz counts only pods without a deletionTimestamp (linkerd2 controller/k8s/api.go
  // isPendingOrRunning), so the stripped cache must keep it.
  it('keeps a terminating pod\'s deletionTimestamp, as ISO 8601', () => {
    const raw = {
      metadata: { name: 'p', namespace: 'shop', deletionTimestamp: new Date('2026-11-20T11:59:50Z'), managedFields: [{}] },
      spec: { containers: [{ name: 'app' }] },
      status: { phase: 'Running', conditions: [{}] },
    };
    const pod = stripObject('Pod', raw) as any;
    expect(pod.metadata.deletionTimestamp).toBe('2026-11-20T11:59:50.000Z');
    expect(pod.status).toEqual({ phase: 'Running' });
    expect(pod.metadata).not.toHaveProperty('managedFields');
  });
});

describe('stripObject for Services', () => {
  // Topology-aware routing: spec.trafficDistribution and the service.kubernetes.io/topology-mode
  // annotation decide the zone hints the destination controller filters endpoints by (linkerd2
  // edge-25.10.7 controller/api/destination/endpoint_translator.go); the Zone locality view shows them.
  it('keeps trafficDistribution and the annotations', () => {
    const raw = { metadata: { name: 'cart', namespace: 'shop', annotations: { 'service.kubernetes.io/topology-mode': 'Auto' } }, spec: { selector: { app: 'cart' }, ports: [{ port: 8080 }], trafficDistribution: 'PreferClose', sessionAffinity: 'None' } };
    const svc = stripObject('Service', raw) as any;
    expect(svc.spec).toEqual({ selector: { app: 'cart' }, ports: [{ port: 8080 }], trafficDistribution: 'PreferClose' });
    expect(svc.metadata.annotations).toEqual({ 'service.kubernetes.io/topology-mode': 'Auto' });
  });
});

describe('stripObject for certificates', () => {
  it('keeps the caBundle of webhook configurations and nothing else of their webhooks', () => {
    const raw = { metadata: { name: 'linkerd-sp-validator-webhook-config' }, webhooks: [{ name: 'x', clientConfig: { caBundle: 'LS0t', service: { name: 's' } }, rules: [{}] }] };
    expect((stripObject('ValidatingWebhookConfiguration', raw) as any).webhooks).toEqual([{ name: 'x', clientConfig: { caBundle: 'LS0t' } }]);
  });
  it('keeps a cert-manager Certificate\'s secretName and its status times and Ready condition', () => {
    const raw = {
      apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'linkerd-identity-issuer', namespace: 'linkerd', managedFields: [{}] },
      spec: { secretName: 'linkerd-identity-issuer', isCA: true, issuerRef: { name: 'linkerd-trust-anchor' }, privateKey: { algorithm: 'ECDSA' } },
      status: { notBefore: '2026-11-20T00:00:00Z', notAfter: '2026-11-22T00:00:00Z', renewalTime: '2026-11-21T00:00:00Z', revision: 3, conditions: [{ type: 'Ready', status: 'True', message: 'ok', lastTransitionTime: 'x' }] },
    };
    expect(stripCertificate(raw)).toEqual({
      apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'linkerd-identity-issuer', namespace: 'linkerd' },
      spec: { secretName: 'linkerd-identity-issuer', isCA: true, issuerRef: { name: 'linkerd-trust-anchor' } },
      status: { notBefore: '2026-11-20T00:00:00Z', notAfter: '2026-11-22T00:00:00Z', renewalTime: '2026-11-21T00:00:00Z', conditions: [{ type: 'Ready', status: 'True', message: 'ok' }] },
    });
  });
});
