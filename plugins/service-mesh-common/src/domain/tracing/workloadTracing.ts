import { WorkloadTracing } from '../../api/Tracing';
import { Pod } from '../kube';
import { LINKERD } from '../linkerdLabels';

/** The proxy's collector address (linkerd2-proxy release/v2.326.0 `linkerd/app/src/env.rs`: `LINKERD2_PROXY_TRACE_COLLECTOR_SVC` + `_ADDR`). */
export const TRACE_COLLECTOR_ENV = 'LINKERD2_PROXY_TRACE_COLLECTOR_SVC_ADDR';

/**
 * Whether a workload's proxies export OpenTelemetry traces: the injector writes the collector
 * address into the proxy container's env when `proxy.tracing.enabled` (linkerd2 edge-25.10.7
 * `charts/partials/templates/_proxy.tpl`), and the proxy exports spans only when it is set
 * (`linkerd/app/src/env.rs`: no address, tracing disabled). Injection-time only: pods injected
 * before tracing was enabled have no collector until they are restarted. Undefined without a proxy.
 */
export function workloadTracing(pods: Pod[]): WorkloadTracing | undefined {
  let meshedPods = 0;
  let tracedPods = 0;
  const collectors = new Set<string>();
  for (const pod of pods) {
    const proxy = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find(c => c.name === LINKERD.proxyContainer);
    if (!proxy) continue;
    meshedPods++;
    const addr = proxy.env?.find(e => e.name === TRACE_COLLECTOR_ENV)?.value;
    if (addr) {
      tracedPods++;
      collectors.add(addr);
    }
  }
  return meshedPods === 0 ? undefined : { tracedPods, meshedPods, collectors: [...collectors].sort() };
}
