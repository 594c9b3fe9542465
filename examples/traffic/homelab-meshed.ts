// The declared traffic of auto-brand in the homelab-meshed demo, turned into the snapshot's
// metrics/traffic.om: web-ui reached from Traefik in plaintext (with Traefik's own per-service
// counter for it), east-west all mTLS, experimentation
// still unmeshed (plaintext from orchestrator), NATS (client port 4222) and PostgreSQL (5432) as
// TCP-only edges, the analytics CronJob's last run (its pod carries no owner label), kubelet probes
// and the admin port on every meshed pod. Traffic follows a daily pattern, and llm-service had an
// incident 40 minutes before the capture: 8 % failures for 15 minutes, latency up 2.5×.
// Run: node examples/traffic/homelab-meshed.ts (Node 22). The output is generated, not committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { toOpenMetrics, type EdgeShape, type ModelEdge, type ModelWorkload } from './openMetrics.ts';
import { egressDefaultRoute, type EgressFlow } from './egressSeries.ts';
import { BLOCKED, EGRESS_NETWORK, LLM_PROVIDER } from '../model/egress.mjs';
import { routesInAction } from './routesInAction.ts';
import { LLM_AUTHZ, LLM_FAULT_BACKEND, LLM_ROUTE, LLM_SERVER } from '../model/meshPolicy.mjs';
import { CROSS_CLUSTER_CALLS, LINK, MIRRORED } from '../model/multicluster.mjs';

const DIR = resolve(import.meta.dirname, '../homelab-meshed');
const capturedAt = Date.parse(String((parseAllDocuments(readFileSync(join(DIR, 'snapshot.yaml'), 'utf8'))[0].toJS() as any).capturedAt)) / 1000;
const readObjects = (namespace: string) => parseAllDocuments(readFileSync(join(DIR, `cluster/namespaces/${namespace}.yaml`), 'utf8')).map(d => d.toJS() as any);
const objects = readObjects('auto-brand');
/** Traefik's pod (k3s's bundled ingress, unmeshed): it exports its own per-service request counters. */
const traefikPod: string = readObjects('kube-system').find(o => o.kind === 'Pod' && o.status?.phase === 'Running' && o.metadata.name.startsWith('traefik-'))?.metadata.name;
if (!traefikPod) throw new Error('no running Traefik pod in kube-system');
/** How Traefik names a Service's first port as a backend: `<namespace>-<service>-<port name or number>@kubernetes`. */
function traefikService(name: string): string {
  const svc = objects.find(o => o.kind === 'Service' && o.metadata.name === name);
  if (!svc) throw new Error(`no Service auto-brand/${name}`);
  return `auto-brand-${name}-${svc.spec.ports[0].name ?? svc.spec.ports[0].port}@kubernetes`;
}
const linkerdObjects = readObjects('linkerd');
const nodes = (parseAllDocuments(readFileSync(join(DIR, 'cluster/cluster-scoped.yaml'), 'utf8'))[0].toJS() as any).items.filter((o: any) => o.kind === 'Node');
const nodeZone = new Map<string, string>(nodes.map((n: any) => [n.metadata.name, n.metadata.labels['topology.kubernetes.io/zone']]));
/** The zone of every auto-brand pod's node: Linkerd reports calls across the two racks as `remote`. */
const zones = Object.fromEntries(objects.filter(o => o.kind === 'Pod').map(o => [o.metadata.name, nodeZone.get(o.spec.nodeName)]).filter(([, z]) => z));

/** Pods of a workload in the snapshot (for the CronJob: its Jobs' pods), so metrics name real pods. */
function podsOf(owners: Set<string>, phase = 'Running') {
  return objects.filter(o => o.kind === 'Pod' && o.status?.phase === phase && owners.has(o.metadata.ownerReferences?.[0]?.name));
}
const pods = (owners: Set<string>, phase?: string): string[] => podsOf(owners, phase).map(o => o.metadata.name).sort();
/** The ServiceAccount its pods run as: their mTLS identity. */
const serviceAccount = (owners: Set<string>, phase?: string): string => podsOf(owners, phase)[0]?.spec.serviceAccountName ?? 'default';
const ownedBy = (kind: string, name: string): Set<string> =>
  new Set(objects.filter(o => o.kind === kind && o.metadata.ownerReferences?.[0]?.name === name).map(o => o.metadata.name));

const service = (name: string, port: number, meshed = true): ModelWorkload =>
  ({ namespace: 'auto-brand', kind: 'deployment', name, port, zones, pods: pods(ownedBy('ReplicaSet', name)), serviceAccount: serviceAccount(ownedBy('ReplicaSet', name)), meshed });
const webUi = service('web-ui', 3000);
const orchestrator = service('orchestrator', 8000);
// Behind a Server and an AuthorizationPolicy allowing only orchestrator (model/meshPolicy.mjs).
const llm: ModelWorkload = { ...service('llm-service', 8001), server: { name: LLM_SERVER, port: 8001, authz: LLM_AUTHZ } };
const video = service('video-service', 8002);
const publisher = service('publisher', 8003);
const experimentation = service('experimentation', 8004, false);
// NATS serves its clients on 4222 (TCP) and is probed on its HTTP monitoring port 8222.
const nats: ModelWorkload = { namespace: 'auto-brand', kind: 'statefulset', name: 'nats', zones, port: 4222, probePort: 8222, pods: pods(new Set(['nats'])), serviceAccount: serviceAccount(new Set(['nats'])) };
// PostgreSQL's probes are exec probes: no HTTP probe traffic.
const pg = new Set(['auto-brand-postgres']);
const postgres: ModelWorkload = { namespace: 'auto-brand', kind: 'statefulset', name: 'auto-brand-postgres', zones, service: 'auto-brand-postgres', serviceAccount: serviceAccount(pg), port: 5432, probePort: null, pods: pods(pg) };
// The analytics CronJob's last run, 11:00 to 11:04: the injector sets no owner label on CronJob pods.
const analyticsJobs = new Set([...objects.filter(o => o.kind === 'Job' && o.metadata.ownerReferences?.[0]?.name === 'analytics').map(o => o.metadata.name)]);
const analytics: ModelWorkload = {
  namespace: 'auto-brand', kind: 'pod', name: 'analytics', zones, pods: pods(analyticsJobs, 'Succeeded'), serviceAccount: serviceAccount(analyticsJobs, 'Succeeded'),
  probePort: null, alive: [capturedAt - 3600, capturedAt - 3360],
};

const HOUR = 3600;
/** Busier in the evening, quieter at night (local time = UTC+1): ±35 % around the declared rate. */
const daily: EdgeShape = t => ({ rate: 1 + 0.35 * Math.sin((2 * Math.PI * (((t / HOUR) + 1) % 24 - 13)) / 24) });
/** llm-service's incident: 8 % failures and 2.5× latency from 40 to 25 minutes before the capture. */
const incident: EdgeShape = t => {
  const inIncident = t >= capturedAt - 40 * 60 && t < capturedAt - 25 * 60;
  return { ...daily(t), ...(inIncident ? { failureRatio: 0.08, latencyScale: 2.5 } : {}) };
};

const http = (from: ModelEdge['from'], to: ModelWorkload, rps: number, failureRatio: number, [p50, p95, p99]: number[], tls = true, shape = daily): ModelEdge => ({
  from, to, rps, failureRatio, tls, shape, latency: [[p50 / 4, 0], [p50, 0.5], [p95, 0.95], [p99, 0.99], [p99 * 2, 1]],
});
const tcp = (from: ModelWorkload, to: ModelWorkload, bytesPerSecond: number, connections = 1): ModelEdge =>
  ({ from, to, protocol: 'tcp', rps: 0, failureRatio: 0, latency: [[1, 1]], tls: true, bytesPerSecond, connections, shape: daily });

const edges: ModelEdge[] = [
  http({ unmeshed: 'traefik', ingressMetrics: { namespace: 'kube-system', pod: traefikPod, service: traefikService('web-ui') } }, webUi, 8, 0.002, [25, 120, 300], false),
  http(webUi, orchestrator, 6, 0.005, [40, 200, 450]),
  http(orchestrator, llm, 1.5, 0.01, [800, 2500, 4500], true, incident),
  http(orchestrator, video, 0.4, 0.01, [1500, 4000, 8000]),
  http(orchestrator, publisher, 0.8, 0.005, [60, 250, 600]),
  http(orchestrator, experimentation, 2, 0, [15, 60, 120]),
  tcp(orchestrator, nats, 24_000, 2),
  tcp(llm, nats, 8_000),
  tcp(video, nats, 6_000),
  tcp(publisher, nats, 4_000),
  tcp(orchestrator, postgres, 12_000, 4),
  tcp(analytics, nats, 2_000),
  tcp(analytics, postgres, 50_000, 2),
  // Across the Link to cloud-vps (model/multicluster.mjs): through the mirror Service and the gateway, mTLS to the gateway's identity.
  ...CROSS_CLUSTER_CALLS.map(c => {
    const m = MIRRORED.find(x => x.name === c.to)!;
    const remote = { cluster: LINK.targetClusterName, gatewayAddress: LINK.gatewayAddress, gatewayPort: LINK.gatewayPort, gatewayIdentity: LINK.gatewayIdentity };
    const to: ModelWorkload = { namespace: m.namespace, kind: 'deployment', name: m.name, port: m.port, pods: ['gateway'], remote };
    return http([webUi, orchestrator, llm, video, publisher].find(w => w.name === c.from)!, to, c.rps, c.failureRatio, c.latency);
  }),
];

// What leaves the mesh (model/egress.mjs): llm-service's TLS calls to the LLM provider, matched
// by the TLSRoute on auto-brand's Deny EgressNetwork (one connection per generation, failing with
// the incident), and its error-reporting SDK refused by the network's tls-egress-deny route.
const external = { namespace: EGRESS_NETWORK.namespace, name: EGRESS_NETWORK.name };
const egress: EgressFlow[] = [
  {
    from: llm, network: external, protocol: 'tls', port: LLM_PROVIDER.port, hostname: LLM_PROVIDER.hostname,
    route: { group: 'gateway.networking.k8s.io', kind: 'TLSRoute', namespace: EGRESS_NETWORK.namespace, name: LLM_PROVIDER.route },
    rate: 1.5, failureRatio: t => incident(t).failureRatio ?? 0.01,
  },
  { from: llm, network: external, protocol: 'tls', port: BLOCKED.port, hostname: BLOCKED.hostname, route: egressDefaultRoute('tls', 'deny'), rate: 0.05, denied: true },
];
/**
 * The destination controller's `endpoints_subscribers` gauge (linkerd2 edge-25.10.7
 * `controller/api/destination/watcher/prometheus.go`, labels cluster/namespace/service/port/hostname),
 * as viz's `linkerd-controller` job scrapes it: every meshed client pod holds one subscription per
 * Service and port it calls (video-service still resolves llm-service, whose policy denies it).
 */
function destinationSubscribers(out: Parameters<NonNullable<Parameters<typeof toOpenMetrics>[0]['extra']>>[0]) {
  const subscribers = new Map<string, number>();
  const calls: Array<[ModelWorkload, ModelWorkload]> = [...edges.flatMap(e => ('unmeshed' in e.from || e.from.meshed === false ? [] : [[e.from, e.to] as [ModelWorkload, ModelWorkload]])), [video, llm]];
  // A finished pod (the analytics run) no longer subscribes.
  for (const [from, to] of calls.filter(([from]) => !from.alive || from.alive[1] >= capturedAt)) {
    const key = `${to.service ?? to.name}|${to.port ?? 8080}`;
    subscribers.set(key, (subscribers.get(key) ?? 0) + (Array.isArray(from.pods) ? from.pods.length : from.pods));
  }
  const pod = linkerdObjects.find(o => o.kind === 'Pod' && o.metadata.name.startsWith('linkerd-destination-'))!;
  for (const [key, n] of subscribers) {
    const [service, port] = key.split('|');
    out.gauge('endpoints_subscribers', {
      job: 'linkerd-controller', instance: `${pod.status?.podIP ?? pod.metadata.name}:9996`, component: 'destination', pod: pod.metadata.name,
      cluster: 'local', namespace: 'auto-brand', service, port, hostname: '',
    }, () => n);
  }
}

// The default window (1 h), the hour before it (the header's trend compares the two halves of the
// 2 h series) and a few minutes before that for the first point's range, at 60 s: the scrape
// interval of the homelab's Prometheus.
const RECORDED_SECONDS = 2 * HOUR + 300;
const text = toOpenMetrics({
  start: capturedAt - RECORDED_SECONDS, durationSeconds: RECORDED_SECONDS, stepSeconds: 60, edges, scrapeIntervalSeconds: 60, egress,
  // The issuer certificate was issued for a year at install (2026-11-17).
  issuerTtlSeconds: Date.parse('2027-11-17T09:00:00Z') / 1000 - (capturedAt - RECORDED_SECONDS),
  // Linkerd 2.19's per-route inbound counters, and policy and routes in action (routesInAction.ts):
  // orchestrator → llm-service through the HTTPRoute, video-service's denied calls.
  inboundRouteCounters: true,
  extra: out => {
    destinationSubscribers(out);
    routesInAction(out, {
    client: orchestrator, server: llm, route: LLM_ROUTE, faultBackend: LLM_FAULT_BACKEND,
    rate: t => { const e = edges.find(x => x.from === orchestrator && x.to === llm)!; const s = incident(t); return { rps: e.rps * (s.rate ?? 1), failureRatio: s.failureRatio ?? e.failureRatio, latency: s.latencyScale ? e.latency.map(([le, c]) => [le * s.latencyScale!, c] as [number, number]) : e.latency }; },
    denied: { client: video, rps: 0.05 },
    });
  },
  gateways: [{ targetCluster: LINK.targetClusterName, lastLatencyMs: LINK.probeLatencyMs, periodSeconds: Number.parseInt(LINK.probe.period, 10), latency: [[LINK.probeLatencyMs / 2, 0], [LINK.probeLatencyMs, 0.5], [LINK.probeLatencyMs * 1.6, 0.95], [LINK.probeLatencyMs * 4, 1]] }],
});
mkdirSync(join(DIR, 'metrics'), { recursive: true });
writeFileSync(join(DIR, 'metrics/traffic.om'), text);
console.log(`metrics/traffic.om: ${text.split('\n').length} lines, ${(text.length / 1e6).toFixed(1)} MB`);
