// What the homelab's Prometheus holds before any mesh, turned into the snapshot's
// metrics/prometheus.om: the auto-brand services that export their own request metrics
// (prometheus-fastapi-instrumentator's http_requests_total), Traefik's per-service counters for
// what it routes, and the NATS exporter's varz counters. No proxy series: Linkerd is not
// installed. Run: node examples/traffic/homelab.ts [root] (Node 22), after examples/generate.mjs
// [root]: it reads and writes `<root>/homelab` (default: examples/).
//
// Names and labels are the exporters' own:
// - Traefik: traefik_service_requests_total{code, method, protocol, service}, the Kubernetes
//   Ingress provider naming a backend `<namespace>-<service>-<port name>@kubernetes`;
// - prometheus-nats-exporter: `gnatsd_varz_<varz key>{server_id}` (all gauges);
// - prometheus-fastapi-instrumentator: http_requests_total{handler, method, status};
// plus the labels the community chart's kubernetes-pods / kubernetes-service-endpoints jobs add
// (job, namespace, pod, and service for endpoints).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

const DIR = resolve(process.argv[2] ?? resolve(import.meta.dirname, '..'), 'homelab');
const capturedAt = Date.parse(String((parseAllDocuments(readFileSync(join(DIR, 'snapshot.yaml'), 'utf8'))[0].toJS() as any).capturedAt)) / 1000;
const objects = readdirSync(join(DIR, 'cluster/namespaces')).flatMap(f =>
  parseAllDocuments(readFileSync(join(DIR, 'cluster/namespaces', f), 'utf8')).map(d => d.toJS() as any),
);

/** Running pods whose owner chain leads to the named workload. */
function pods(namespace: string, name: string): string[] {
  const rs = new Set(objects.filter(o => o.kind === 'ReplicaSet' && o.metadata.namespace === namespace && o.metadata.ownerReferences?.[0]?.name === name).map(o => o.metadata.name));
  return objects
    .filter(o => o.kind === 'Pod' && o.metadata.namespace === namespace && o.status?.phase === 'Running' && (rs.has(o.metadata.ownerReferences?.[0]?.name) || o.metadata.ownerReferences?.[0]?.name === name))
    .map(o => o.metadata.name)
    .sort();
}

/** A Service's first port name (or number): how Traefik names the backend. */
function servicePort(namespace: string, name: string): string {
  const s = objects.find(o => o.kind === 'Service' && o.metadata.namespace === namespace && o.metadata.name === name);
  if (!s) throw new Error(`no Service ${namespace}/${name} in the snapshot`);
  const p = s.spec.ports[0];
  return p.name ?? String(p.port);
}

// ----- the model ---------------------------------------------------------------------------

/** Services exporting their own request counters: [namespace, workload, rps per pod, routes]. */
const APP_METRICS: Array<[string, string, number, string[]]> = [
  ['auto-brand', 'orchestrator', 3, ['/campaigns', '/campaigns/{id}', '/health']],
  ['auto-brand', 'llm-service', 0.8, ['/generate', '/health']],
  ['auto-brand', 'experimentation', 1, ['/assign', '/outcomes', '/health']],
];

/** What Traefik routes (Ingresses of the homelab): [namespace, Service, requests per second]. */
const INGRESS_ROUTES: Array<[string, string, number]> = [
  ['auto-brand', 'web-ui', 8],
  ['monitoring', 'grafana', 0.5],
  ['nextcloud', 'nextcloud', 2],
  ['immich', 'immich', 1.5],
  ['gitea', 'gitea', 0.3],
  ['vaultwarden', 'vaultwarden', 0.4],
  ['paperless-ngx', 'paperless-ngx', 0.2],
  ['jellyfin', 'jellyfin', 1],
  ['miniflux', 'miniflux', 0.3],
  ['mealie', 'mealie', 0.1],
  ['wikijs', 'wikijs', 0.1],
];

/** NATS messages in and out per second per server (JetStream work queues of auto-brand). */
const NATS = { namespace: 'auto-brand', statefulSet: 'nats', inPerSecond: 12, outPerSecond: 18 };

// ----- rendering ---------------------------------------------------------------------------

const STEP = 60;
const START = capturedAt - 3660;
const times = Array.from({ length: 3660 / STEP + 1 }, (_, i) => START + i * STEP);
const families = new Map<string, { type: string; lines: string[] }>();
const label = (l: Record<string, string>) => Object.entries(l).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',');

function add(family: string, type: string, name: string, labels: Record<string, string>, value: (t: number) => number) {
  if (!families.has(family)) families.set(family, { type, lines: [] });
  const f = families.get(family)!;
  for (const t of times) f.lines.push(`${name}{${label(labels)}} ${Number(value(t).toFixed(3))} ${t}`);
}

/** A counter that grew steadily from `base` at `rps`. */
const counter = (base: number, rps: number) => (t: number) => base + rps * (t - START);

for (const [namespace, workload, rps, routes] of APP_METRICS) {
  for (const pod of pods(namespace, workload)) {
    routes.forEach((handler, i) => {
      const share = handler === '/health' ? 0.1 : 0.9 / (routes.length - 1);
      const base = { job: 'kubernetes-service-endpoints', namespace, pod, service: workload, handler, method: i === 1 && handler !== '/health' ? 'POST' : 'GET' };
      add('http_requests', 'counter', 'http_requests_total', { ...base, status: '2xx' }, counter(40_000 * share, rps * share * 0.99));
      add('http_requests', 'counter', 'http_requests_total', { ...base, status: '5xx' }, counter(300 * share, rps * share * 0.01));
    });
  }
}

const [traefikPod] = pods('kube-system', 'traefik');
for (const [namespace, service, rps] of INGRESS_ROUTES) {
  const id = `${namespace}-${service}-${servicePort(namespace, service)}@kubernetes`;
  for (const [code, share] of [['200', 0.97], ['304', 0.02], ['502', 0.01]] as const) {
    add('traefik_service_requests', 'counter', 'traefik_service_requests_total', { job: 'kubernetes-pods', namespace: 'kube-system', pod: traefikPod, code, method: 'GET', protocol: 'http', service: id }, counter(90_000 * share, rps * share));
  }
}

for (const [i, pod] of pods(NATS.namespace, NATS.statefulSet).entries()) {
  const base = { job: 'kubernetes-pods', namespace: NATS.namespace, pod, server_id: `NATS${String(i).padStart(2, '0')}AUTOBRAND` };
  add('gnatsd_varz_in_msgs', 'gauge', 'gnatsd_varz_in_msgs', base, counter(2_500_000, NATS.inPerSecond));
  add('gnatsd_varz_out_msgs', 'gauge', 'gnatsd_varz_out_msgs', base, counter(3_700_000, NATS.outPerSecond));
}

const text = [...[...families].flatMap(([family, f]) => [`# TYPE ${family} ${f.type}`, ...f.lines]), '# EOF', ''].join('\n');
mkdirSync(join(DIR, 'metrics'), { recursive: true });
writeFileSync(join(DIR, 'metrics/prometheus.om'), text);
console.log(`homelab/metrics/prometheus.om: ${text.split('\n').length} lines, ${families.size} families`);
