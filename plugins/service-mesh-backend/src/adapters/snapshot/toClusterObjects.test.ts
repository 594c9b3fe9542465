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

  it('sorts Prometheus Operator monitors into objects.monitors, and nothing else of their group', () => {
    const sm = { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'api', namespace: 'monitoring' }, spec: { selector: { matchLabels: { app: 'api' } } } };
    const pm = { apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor', metadata: { name: 'worker', namespace: 'shop' }, spec: { selector: {} } };
    const rule = { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name: 'alerts', namespace: 'monitoring' } };
    const { objects, ignored } = toClusterObjects([sm, pm, rule], 'linkerd');
    expect(objects.monitors).toEqual({ serviceMonitors: [sm], podMonitors: [pm] });
    expect(ignored).toEqual({ PrometheusRule: 1 });
  });
});
