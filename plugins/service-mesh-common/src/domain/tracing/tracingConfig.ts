import { ClusterTracingReport } from '../../api/Tracing';
import { parseGoBool } from '../goBool';
import { helmValue } from '../helmValue';

const v = (values: string | undefined, ...path: string[]) => helmValue(values, path) || undefined;
const on = (values: string | undefined, ...path: string[]) => parseGoBool(helmValue(values, path)) ?? false;

/**
 * Tracing as the `linkerd-config` values configure it (linkerd2 edge-25.10.7):
 * - proxies: `proxy.tracing.enabled`, `collector.endpoint`, `collector.meshIdentity`, and
 *   `traceServiceName` become the injected proxy's `LINKERD2_PROXY_TRACE_COLLECTOR_SVC_ADDR`,
 *   `…_SVC_NAME` (`<sa>.<ns>.serviceaccount.identity.<control-plane ns>.<clusterDomain>`) and
 *   `LINKERD2_PROXY_TRACE_SERVICE_NAME` (`charts/partials/templates/_proxy.tpl`);
 * - controllers: `controller.tracing.enabled` with `controller.tracing.collector.endpoint`, or
 *   else the proxies' endpoint, as destination's and identity's `-trace-collector` flag
 *   (`charts/partials/templates/_trace.tpl`).
 * Undefined when there are no values (Linkerd not installed).
 */
export function tracingConfig(values: string | undefined, controlPlaneNamespace: string): Omit<ClusterTracingReport, 'tracedPods' | 'meshedPods'> | undefined {
  if (values === undefined) return undefined;
  const proxyCollector = v(values, 'proxy', 'tracing', 'collector', 'endpoint');
  const proxyEnabled = on(values, 'proxy', 'tracing', 'enabled');
  const controllerEnabled = on(values, 'controller', 'tracing', 'enabled');
  const sa = v(values, 'proxy', 'tracing', 'collector', 'meshIdentity', 'serviceAccountName');
  const ns = v(values, 'proxy', 'tracing', 'collector', 'meshIdentity', 'namespace');
  const domain = v(values, 'clusterDomain') ?? 'cluster.local';
  const controlCollector = v(values, 'controller', 'tracing', 'collector', 'endpoint') ?? proxyCollector;
  const proxy: ClusterTracingReport['proxy'] = { enabled: proxyEnabled };
  if (proxyEnabled && proxyCollector) proxy.collector = proxyCollector;
  if (proxyEnabled && sa && ns) proxy.collectorIdentity = `${sa}.${ns}.serviceaccount.identity.${controlPlaneNamespace}.${domain}`;
  if (proxyEnabled) proxy.serviceName = v(values, 'proxy', 'tracing', 'traceServiceName') ?? 'linkerd-proxy';
  return {
    controlPlane: controllerEnabled && controlCollector ? { enabled: true, collector: controlCollector } : { enabled: false },
    proxy,
  };
}
