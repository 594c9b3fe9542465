import { ClusterMesh, AnalyzedWorkload } from '../clusterMesh';
import { CustomObject, Service } from '../kube';
import { ingressServiceIds } from '../metrics/ingressServiceIds';
import { metricWorkloadsOf } from '../metrics/metricWorkloadsOf';
import { MetricsWindow, workloadKey } from '../metrics/metricsWindow';
import { windowIndex } from '../metrics/windowIndex';
import { selectingServices } from '../serviceSelection';
import { MetricsCoverage } from './metricsCoverage';

/** The metrics source that covers a workload's traffic, in words an operator recognises. */
export interface CoverageSource {
  kind: 'proxy' | 'app' | 'ingress' | 'bus';
  /** E.g. `prometheus.io/scrape on the pod template`, `ServiceMonitor monitoring/apps`. */
  detail: string;
}

/** The Prometheus annotation that asks for a pod or Service to be scraped (prometheus-community chart convention). */
export const SCRAPE_ANNOTATION = 'prometheus.io/scrape';

type Selector = { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> };

/** A `metav1.LabelSelector` against labels; an empty selector selects everything, as the Prometheus Operator reads it. */
export function labelSelectorMatches(selector: Selector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => l[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every(e => {
    if (e.operator === 'In') return (e.values ?? []).includes(l[e.key]);
    if (e.operator === 'NotIn') return !(e.values ?? []).includes(l[e.key]);
    if (e.operator === 'Exists') return e.key in l;
    if (e.operator === 'DoesNotExist') return !(e.key in l);
    return false;
  });
  return byLabels && byExpressions;
}

/** Whether a monitor's `namespaceSelector` (default: its own namespace) includes `namespace`. */
function monitorNamespaces(m: CustomObject, namespace: string): boolean {
  const ns = m.spec?.namespaceSelector as { any?: boolean; matchNames?: string[] } | undefined;
  if (ns?.any) return true;
  if (ns?.matchNames?.length) return ns.matchNames.includes(namespace);
  return m.metadata.namespace === namespace;
}

const name = (o: { metadata: { namespace?: string; name: string } }) => `${o.metadata.namespace}/${o.metadata.name}`;

/** The app's own request metrics: scrape annotation, a ServiceMonitor or PodMonitor, or request series of its pods. */
function appCoverage(a: AnalyzedWorkload, services: Service[], cluster: ClusterMesh, coverage: MetricsCoverage): CoverageSource | undefined {
  const w = a.workload;
  const labels = w.template?.metadata?.labels;
  if (w.template?.metadata?.annotations?.[SCRAPE_ANNOTATION] === 'true') return { kind: 'app', detail: `${SCRAPE_ANNOTATION} on the pod template` };
  const annotated = services.find(s => s.metadata.annotations?.[SCRAPE_ANNOTATION] === 'true');
  if (annotated) return { kind: 'app', detail: `${SCRAPE_ANNOTATION} on Service ${name(annotated)}` };
  const sm = cluster.monitors?.serviceMonitors.find(m => services.some(s => monitorNamespaces(m, w.namespace) && labelSelectorMatches(m.spec?.selector, s.metadata.labels)));
  if (sm) return { kind: 'app', detail: `ServiceMonitor ${name(sm)}` };
  const pm = cluster.monitors?.podMonitors.find(m => monitorNamespaces(m, w.namespace) && labelSelectorMatches(m.spec?.selector, labels));
  if (pm) return { kind: 'app', detail: `PodMonitor ${name(pm)}` };
  const withSeries = new Set(coverage.podsWithRequestSeries);
  const pod = w.pods.find(p => withSeries.has(`${p.metadata.namespace}/${p.metadata.name}`));
  if (pod) return { kind: 'app', detail: `request series of pod ${pod.metadata.name}` };
  return undefined;
}

/** Traefik's per-service series for one of the workload's Services. */
function ingressCoverage(services: Service[], coverage: MetricsCoverage): CoverageSource | undefined {
  const seen = new Set(coverage.ingressServices);
  const hit = services.flatMap(ingressServiceIds).find(id => seen.has(id));
  return hit ? { kind: 'ingress', detail: `Traefik's per-service metrics for ${hit}` } : undefined;
}

/**
 * Whether a message broker's exporter is scraped: exporter series on the broker's pods (the
 * exporter as a sidecar) or from a pod of the broker's namespace (the exporter beside it).
 */
export function brokerExported(a: AnalyzedWorkload, coverage: MetricsCoverage | undefined): boolean {
  if (!coverage) return false;
  return coverage.busExporterPods.some(p => p.split('/')[0] === a.workload.namespace);
}

/** Whether proxies report the workload's traffic, inbound or outbound (a Job only calls out), in any window. */
export function proxyCovered(a: AnalyzedWorkload, metrics: MetricsWindow[]): boolean {
  return metricWorkloadsOf(a.workload).some(m => metrics.some(w => {
    if (w.cluster !== a.workload.cluster) return false;
    const index = windowIndex(w);
    const key = workloadKey(m);
    return index.inbound.has(key) || index.edgesBySrc.responses.has(key) || index.edgesBySrc.edges.has(key);
  }));
}

/**
 * The first source that covers a workload's own request traffic: the proxy, the app's own
 * metrics, or the ingress's per-service metrics. Undefined when none does (bus traffic is judged
 * by the caller, which knows the workload's edges).
 */
export function workloadCoverage(a: AnalyzedWorkload, cluster: ClusterMesh, coverage: MetricsCoverage | undefined, metrics: MetricsWindow[]): CoverageSource | undefined {
  if (proxyCovered(a, metrics)) return { kind: 'proxy', detail: 'Linkerd proxy metrics' };
  if (!coverage) return undefined;
  const services = selectingServices(cluster.services, a.workload.namespace, a.workload.template?.metadata?.labels);
  return appCoverage(a, services, cluster, coverage) ?? ingressCoverage(services, coverage);
}
