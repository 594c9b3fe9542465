// Tracing values of linkerd2 edge-25.10.7 charts/linkerd-control-plane/values.yaml (`controller.tracing`,
// `proxy.tracing.{enabled,traceServiceName,collector.endpoint,collector.meshIdentity}`), how the
// injector turns them into the proxy's env (charts/partials/templates/_proxy.tpl:
// LINKERD2_PROXY_TRACE_COLLECTOR_SVC_ADDR/_NAME, the identity `<sa>.<ns>.serviceaccount.identity.<release ns>.<clusterDomain>`)
// and the controllers' `-trace-collector` flag falling back to the proxies' endpoint (charts/partials/templates/_trace.tpl).
import { tracingConfig } from './tracingConfig';

const values = `linkerdVersion: edge-25.10.7
clusterDomain: cluster.local
controller:
  podDisruptionBudget:
    maxUnavailable: 1
  tracing:
    enabled: true
    collector:
      endpoint: ""
proxy:
  logLevel: warn,linkerd=info
  tracing:
    enabled: true
    traceServiceName: linkerd-proxy
    labels:
      k8s.pod.ip: $(_pod_ip)
    collector:
      endpoint: otel-collector.monitoring.svc.cluster.local:4317
      meshIdentity:
        serviceAccountName: otel-collector
        namespace: monitoring
`;

describe('tracingConfig', () => {
  it('reads the proxies\' collector and identity, and the control plane falling back to the proxies\' endpoint', () => {
    expect(tracingConfig(values, 'linkerd')).toEqual({
      controlPlane: { enabled: true, collector: 'otel-collector.monitoring.svc.cluster.local:4317' },
      proxy: {
        enabled: true,
        collector: 'otel-collector.monitoring.svc.cluster.local:4317',
        collectorIdentity: 'otel-collector.monitoring.serviceaccount.identity.linkerd.cluster.local',
        serviceName: 'linkerd-proxy',
      },
    });
  });

  it('the chart defaults (tracing off) and no values at all', () => {
    const defaults = 'controller:\n  tracing:\n    enabled: false\n    collector:\n      endpoint: ""\nproxy:\n  tracing:\n    enabled: false\n    collector:\n      endpoint: ""\n';
    expect(tracingConfig(defaults, 'linkerd')).toEqual({ controlPlane: { enabled: false }, proxy: { enabled: false } });
    expect(tracingConfig('linkerdVersion: edge-25.10.7\n', 'linkerd')).toEqual({ controlPlane: { enabled: false }, proxy: { enabled: false } });
    expect(tracingConfig(undefined, 'linkerd')).toBeUndefined();
  });

  it('a control plane with its own collector while the proxies do not trace', () => {
    const v = 'controller:\n  tracing:\n    enabled: true\n    collector:\n      endpoint: jaeger.tracing:4317\n';
    expect(tracingConfig(v, 'linkerd')).toEqual({ controlPlane: { enabled: true, collector: 'jaeger.tracing:4317' }, proxy: { enabled: false } });
  });
});
