import { analyzeCluster, ClusterMesh } from '../clusterMesh';
import { emptyClusterObjects, Pod, Service } from '../kube';
import { MetricsWindow } from '../metrics/metricsWindow';
import { DEFAULT_ADOPTION_CONFIG as C } from './adoptionConfig';
import { CatalogEntry, CatalogGraph } from './adoptionContext';
import { adoptionContextFor } from './adoptionContextFor';
import { interactionScope } from './interactionScope';
import { emptyMetricsCoverage, MetricsCoverage } from './metricsCoverage';
import { observabilityOver, observabilityTrigger } from './observabilityTrigger';

/*
 * A shop system: web (reached through Traefik) calls api; api and worker talk through a NATS
 * broker; api is also called directly by web. Each test adds one metrics source and checks that
 * it, and only it, covers the workloads it should.
 *
 * Upstream facts the fixtures rely on:
 * - Traefik's per-service counter is `traefik_service_requests_total` with a `service` label
 *   (traefik/traefik pkg/metrics/prometheus.go: serviceReqsTotalName = "traefik_" + "service_" +
 *   "requests_total"); the Kubernetes Ingress provider names a backend
 *   provider.Normalize(namespace + "-" + service + "-" + port name or number)
 *   (pkg/provider/kubernetes/ingress/kubernetes.go), qualified with the provider name `@kubernetes`.
 * - prometheus-nats-exporter names series `<prefix or "gnatsd">_<endpoint>_<varz key>` with a
 *   `server_id` label (nats-io/prometheus-nats-exporter collector/collector.go: CoreSystem =
 *   "gnatsd", newPrometheusGaugeVec), e.g. `gnatsd_varz_in_msgs`. The coverage queries read those
 *   names; here the domain sees their result, the pods and services found.
 * - `prometheus.io/scrape` is the community Prometheus chart's annotation convention, not a
 *   Kubernetes API; ServiceMonitor/PodMonitor selectors are metav1.LabelSelectors with
 *   `namespaceSelector` defaulting to the monitor's own namespace (Prometheus Operator API).
 */

const NOW = new Date('2026-11-20T12:00:00Z');
const NS = 'shop';

function deployment(name: string, annotations: Record<string, string> = {}) {
  const labels = { app: name, 'backstage.io/kubernetes-id': name };
  return { kind: 'Deployment', metadata: { name, namespace: NS, labels }, spec: { template: { metadata: { labels, annotations }, spec: { containers: [{ name }] } } } };
}

function pod(name: string): Pod {
  return {
    kind: 'Pod',
    metadata: { name: `${name}-7d4f-abcde`, namespace: NS, labels: { app: name, 'backstage.io/kubernetes-id': name }, ownerReferences: [{ kind: 'ReplicaSet', name: `${name}-7d4f`, controller: true }] },
    spec: { containers: [{ name }] },
    status: { phase: 'Running' },
  };
}

function service(name: string, port: number, portName: string, annotations: Record<string, string> = {}): Service {
  return { kind: 'Service', metadata: { name, namespace: NS, labels: { app: name }, annotations }, spec: { selector: { app: name }, ports: [{ port, name: portName }] } };
}

function shop(opts: { annotate?: Record<string, Record<string, string>>; serviceMonitor?: boolean; podMonitor?: boolean } = {}): ClusterMesh {
  const o = emptyClusterObjects();
  for (const name of ['web', 'api', 'worker', 'nats']) {
    const d = deployment(name, opts.annotate?.[name]);
    if (name === 'nats') o.statefulSets.push({ ...d, kind: 'StatefulSet' });
    else {
      o.deployments.push(d);
      o.replicaSets.push({ kind: 'ReplicaSet', metadata: { name: `${name}-7d4f`, namespace: NS, ownerReferences: [{ kind: 'Deployment', name, controller: true }] }, spec: d.spec });
      o.pods.push(pod(name));
    }
  }
  o.services.push(service('web', 80, 'http'), service('api', 8080, 'http'), service('nats', 4222, 'client'));
  if (opts.serviceMonitor) o.monitors!.serviceMonitors.push({ kind: 'ServiceMonitor', apiVersion: 'monitoring.coreos.com/v1', metadata: { name: 'api', namespace: 'monitoring' }, spec: { namespaceSelector: { matchNames: [NS] }, selector: { matchLabels: { app: 'api' } } } });
  if (opts.podMonitor) o.monitors!.podMonitors.push({ kind: 'PodMonitor', apiVersion: 'monitoring.coreos.com/v1', metadata: { name: 'api', namespace: NS }, spec: { selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['api'] }] } } });
  return analyzeCluster({ name: 'lab', controlPlaneNamespace: 'linkerd', objects: o }, NOW);
}

const entry = (name: string, extra: Partial<CatalogEntry> = {}): CatalogEntry => ({
  ref: `component:default/${name}`, kind: 'Component', tags: [], owner: 'group:default/shop', system: 'system:default/shop',
  annotations: { 'backstage.io/kubernetes-id': name }, ...extra,
});

const catalog: CatalogGraph = {
  entities: new Map([
    entry('web'), entry('api'), entry('worker'),
    entry('nats', { ref: 'resource:default/nats', kind: 'Resource', type: 'message-broker' }),
    entry('shop-db', { ref: 'resource:default/shop-db', kind: 'Resource', type: 'database' }),
  ].map(e => [e.ref, e])),
  edges: [
    { from: 'component:default/web', to: 'component:default/api' },
    { from: 'component:default/api', to: 'resource:default/nats' },
    { from: 'component:default/worker', to: 'resource:default/nats' },
    { from: 'component:default/api', to: 'resource:default/shop-db' },
  ],
};

function judge(cluster: ClusterMesh, coverage: MetricsCoverage | undefined, metrics: MetricsWindow[] = []) {
  return observabilityOver(interactionScope(catalog.entities.get('component:default/api')!, catalog, [cluster]), metrics, coverage ? [coverage] : [], C);
}

const proxyWindow = (names: string[]): MetricsWindow => ({
  cluster: 'lab', windowSeconds: 3600, end: NOW.getTime() / 1000, latency: [], edges: [], edgeResponses: [], edgeLatency: [], crypto: [], leafExpiry: [],
  inbound: names.map(name => ({ workload: { namespace: NS, kind: 'Deployment', name }, tls: 'true', classification: 'success' as const, count: 100 })),
});

describe('observability trigger: covered only when no metrics source covers the traffic', () => {
  it('uncovered: four interacting workloads, none with any source, fires at 100 %', () => {
    const t = judge(shop(), emptyMetricsCoverage('lab'));
    expect([t.fired, t.strength, t.progress]).toEqual([true, 1, 1]);
    expect(t.evidence[0]).toBe('4 of 4 interacting workloads in system shop have no request metrics from any source (bar: 30 %): shop/api, shop/nats, shop/web, shop/worker');
    expect(t.whatWouldChange).toContain('request metrics for shop/api, shop/nats, shop/web and shop/worker');
  });

  it('no Prometheus for the cluster: cannot tell, not fired', () => {
    const t = judge(shop(), undefined);
    expect([t.fired, t.strength]).toEqual([false, 0]);
    expect(t.evidence[0]).toMatch(/^cannot tell: no Prometheus for the cluster/);
  });

  it('covered by proxy: proxies reporting inbound traffic cover their workloads', () => {
    const t = judge(shop(), emptyMetricsCoverage('lab'), [proxyWindow(['web', 'api'])]);
    expect(t.evidence[0]).toBe('2 of 4 interacting workloads in system shop have no request metrics from any source (bar: 30 %): shop/nats, shop/worker');
    expect(t.evidence[1]).toContain('shop/web by proxy metrics (Linkerd proxy metrics)');
  });

  it.each([
    ['a scrape annotation on the pod template', { annotate: { api: { 'prometheus.io/scrape': 'true' } } }, {}, 'prometheus.io/scrape on the pod template'],
    ['a ServiceMonitor selecting its Service', { serviceMonitor: true }, {}, 'ServiceMonitor monitoring/api'],
    ['a PodMonitor selecting its pods', { podMonitor: true }, {}, 'PodMonitor shop/api'],
    ['request series found for its pods', {}, { podsWithRequestSeries: ['shop/api-7d4f-abcde'] }, 'request series of pod api-7d4f-abcde'],
  ])('covered by app metrics: %s', (_, cluster, coverage, detail) => {
    const t = judge(shop(cluster), { ...emptyMetricsCoverage('lab'), ...coverage });
    expect(t.evidence[0]).toMatch(/^3 of 4 .*: shop\/nats, shop\/web, shop\/worker$/);
    expect(t.evidence[1]).toBe(`covered: shop/api by its own request metrics (${detail})`);
  });

  it('a scrape annotation on another workload, or a monitor in another namespace, covers nothing here', () => {
    const t = judge(shop({ annotate: { other: { 'prometheus.io/scrape': 'true' } } }), { ...emptyMetricsCoverage('lab'), podsWithRequestSeries: ['other/api-7d4f-abcde'] });
    expect(t.evidence[0]).toMatch(/^4 of 4 /);
  });

  it('covered by ingress metrics: Traefik series for the Service that selects the workload', () => {
    const t = judge(shop(), { ...emptyMetricsCoverage('lab'), ingressServices: ['shop-web-http@kubernetes'] });
    expect(t.evidence[1]).toBe("covered: shop/web by the ingress (Traefik's per-service metrics for shop-web-http@kubernetes)");
    // The port number names the backend too when the Ingress gives a number.
    expect(judge(shop(), { ...emptyMetricsCoverage('lab'), ingressServices: ['shop-web-80@kubernetes'] }).evidence[0]).toMatch(/^3 of 4 /);
    expect(judge(shop(), { ...emptyMetricsCoverage('lab'), ingressServices: ['shop-web-8443@kubernetes'] }).evidence[0]).toMatch(/^4 of 4 /);
  });

  it('covered by a bus exporter: the broker and the workloads whose traffic all goes through it, not a directly called one', () => {
    const t = judge(shop(), { ...emptyMetricsCoverage('lab'), busExporterPods: ['shop/nats-0'] });
    // worker only talks through NATS; api is also called directly by web, so NATS does not cover it.
    expect(t.evidence[0]).toBe('2 of 4 interacting workloads in system shop have no request metrics from any source (bar: 30 %): shop/api, shop/web');
    expect(t.evidence[1]).toBe('covered: shop/nats by the bus exporter (its exporter); shop/worker by the bus exporter (the exporter of nats, which carries all its traffic)');
  });

  it('below the bar it does not fire, and says what would fire or clear it', () => {
    const t = judge(shop({ annotate: { api: { 'prometheus.io/scrape': 'true' } } }), { ...emptyMetricsCoverage('lab'), busExporterPods: ['shop/nats-0'], ingressServices: ['shop-web-http@kubernetes'], podsWithRequestSeries: [] });
    expect([t.fired, t.strength, t.progress]).toEqual([false, 0, 0]);
    expect(t.whatWouldChange).toBe('2 more interacting workloads without request metrics would fire it');
  });

  it('is judged over the entity\'s system: a database of the system gets the system\'s answer', () => {
    const cluster = shop();
    const ctx = adoptionContextFor({ entity: catalog.entities.get('resource:default/shop-db')!, catalog, clusters: [cluster], metrics: [], coverage: [emptyMetricsCoverage('lab')], now: NOW });
    expect(observabilityTrigger(ctx, C).evidence[0]).toMatch(/^4 of 4 interacting workloads in system shop/);
  });

  it('without a system, a service whose only edge is its database has nothing to debug across services', () => {
    const cluster = shop();
    const lone = { ...entry('api'), system: undefined };
    const g: CatalogGraph = { entities: new Map([[lone.ref, lone], ['resource:default/shop-db', catalog.entities.get('resource:default/shop-db')!]]), edges: [{ from: lone.ref, to: 'resource:default/shop-db' }] };
    const ctx = adoptionContextFor({ entity: lone, catalog: g, clusters: [cluster], metrics: [], coverage: [emptyMetricsCoverage('lab')], now: NOW });
    expect(observabilityTrigger(ctx, C)).toMatchObject({ fired: false, strength: 0 });
    expect(observabilityTrigger(ctx, C).evidence[0]).toMatch(/^no service interactions in component:default\/api/);
  });
});
