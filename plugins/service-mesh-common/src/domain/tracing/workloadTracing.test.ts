// The proxy exports spans only when LINKERD2_PROXY_TRACE_COLLECTOR_SVC_ADDR is set (linkerd2-proxy
// release/v2.326.0 linkerd/app/src/env.rs: `parse_control_addr(strings, ENV_TRACE_COLLECTOR_SVC_BASE)`,
// None → `trace_collector::Config::Disabled`); the injector writes it when proxy tracing is enabled
// (linkerd2 edge-25.10.7 charts/partials/templates/_proxy.tpl), in the proxy container, a native
// sidecar's being an init container.
import { Pod } from '../kube';
import { workloadTracing } from './workloadTracing';

const proxy = (addr?: string) => ({ name: 'linkerd-proxy', env: [{ name: 'LINKERD2_PROXY_LOG', value: 'warn' }, ...(addr ? [{ name: 'LINKERD2_PROXY_TRACE_COLLECTOR_SVC_ADDR', value: addr }] : [])] });
const pod = (spec: Pod['spec']): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'n' }, spec });
const app = { name: 'app' };

describe('workloadTracing', () => {
  it('counts proxies with a collector, sidecar or native sidecar, and names the collectors', () => {
    expect(workloadTracing([
      pod({ containers: [proxy('otel.monitoring:4317'), app] }),
      pod({ initContainers: [{ name: 'linkerd-init' }, { ...proxy('otel.monitoring:4317'), restartPolicy: 'Always' }], containers: [app] }),
      pod({ containers: [proxy(), app] }),
    ])).toEqual({ tracedPods: 2, meshedPods: 3, collectors: ['otel.monitoring:4317'] });
  });

  it('is undefined without a proxy', () => {
    expect(workloadTracing([pod({ containers: [app] })])).toBeUndefined();
  });
});
