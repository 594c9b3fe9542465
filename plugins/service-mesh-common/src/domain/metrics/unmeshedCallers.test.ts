// Unmeshed callers (issue 16): a client without a proxy has no outbound metrics, so it shows only
// on the server's side. Upstream facts the fixtures follow:
// - the inbound TLS accept labels are `tls="true",client_id=…` for mTLS, `tls="no_identity",
//   no_tls_reason="no_tls_from_remote"` when the client sent no TLS ClientHello, `tls="disabled"`
//   without identity (linkerd2-proxy release/v2.326.0 `linkerd/app/core/src/transport/labels.rs`
//   `TlsAccept`, `linkerd/tls/src/server.rs` `NoServerTls` Display);
// - a meshed client that did not get an identity from discovery sends plaintext, labelled on its
//   own outbound side `tls="no_identity",no_tls_reason="not_provided_by_service_discovery"`
//   (`labels.rs` `TlsConnect`, `linkerd/tls/src/client.rs`): its requests are already its edge;
// - kubelet probes arrive on the policy controller's `probe` route (linkerd2 edge-25.10.7
//   `policy-controller/k8s/index/src/inbound/index.rs`), admin-port scrapes on 4191
//   (linkerd2-proxy `linkerd/app/admin/src/stack.rs`): neither is a caller;
// - Traefik's per-service counter `traefik_service_requests_total{service="<ns>-<svc>-<port>@kubernetes"}`
//   (traefik/traefik `pkg/metrics/prometheus.go`, `pkg/provider/kubernetes/ingress/kubernetes.go`).
// Deriving the unmeshed caller from these (inbound plaintext less meshed plaintext, named by
// Traefik's series) is Meshlens's rule.
import { emptyMetricsCoverage, MetricsCoverage } from '../adoption/metricsCoverage';
import { analyzeCluster, ClusterMesh } from '../clusterMesh';
import { emptyClusterObjects } from '../kube';
import { InboundResponses, MetricsWindow } from './metricsWindow';
import { INGRESS_CALLER, UNMESHED_CLIENTS, unmeshedCallers } from './unmeshedCallers';

const NOW = new Date('2026-11-20T12:00:00Z');
const NS = 'shop';
const web = { namespace: NS, kind: 'Deployment', name: 'web' };
const api = { namespace: NS, kind: 'Deployment', name: 'api' };
const plaintext = { tls: 'no_identity', noTlsReason: 'no_tls_from_remote' };

function deployment(namespace: string, name: string) {
  const labels = { app: name };
  return { kind: 'Deployment', metadata: { name, namespace, labels }, spec: { template: { metadata: { labels }, spec: { containers: [{ name }] } } } };
}

/** web (Service `web`, port 80 `http`) and api in `shop`; Traefik in kube-system. */
function cluster(): ClusterMesh {
  const o = emptyClusterObjects();
  for (const [namespace, name] of [[NS, 'web'], [NS, 'api'], ['kube-system', 'traefik']]) {
    const d = deployment(namespace, name);
    o.deployments.push(d);
    o.replicaSets.push({ kind: 'ReplicaSet', metadata: { name: `${name}-7d4f`, namespace, ownerReferences: [{ kind: 'Deployment', name, controller: true }] }, spec: d.spec });
    o.pods.push({
      kind: 'Pod',
      metadata: { name: `${name}-7d4f-abcde`, namespace, labels: { app: name }, ownerReferences: [{ kind: 'ReplicaSet', name: `${name}-7d4f`, controller: true }] },
      spec: { containers: [{ name }] },
      status: { phase: 'Running' },
    });
  }
  o.services.push({ kind: 'Service', metadata: { name: 'web', namespace: NS }, spec: { selector: { app: 'web' }, ports: [{ port: 80, name: 'http' }] } });
  return analyzeCluster({ name: 'lab', controlPlaneNamespace: 'linkerd', objects: o }, NOW);
}

const row = (r: Partial<InboundResponses> & { count: number }): InboundResponses => ({
  workload: web, tls: 'true', classification: 'success', targetPort: '8080', routeName: 'default', ...r,
});

function window(rows: Partial<MetricsWindow>): MetricsWindow {
  return { cluster: 'lab', windowSeconds: 3600, end: NOW.getTime() / 1000, inbound: [], latency: [], edges: [], edgeResponses: [], edgeLatency: [], crypto: [], leafExpiry: [], ...rows };
}

function callers(w: MetricsWindow, coverage: MetricsCoverage[] = [], name = 'web') {
  const c = cluster();
  return unmeshedCallers({ windows: [w], matched: [{ cluster: c, workloads: c.workloads.filter(a => a.workload.name === name) }], coverage });
}

// web: 7,200 plaintext requests from an ingress (2 rps, 36 failed), 3,600 over mTLS from api,
// plus probes and admin-port scrapes.
const ingressTraffic = window({
  inbound: [
    row({ ...plaintext, count: 7164 }),
    row({ ...plaintext, classification: 'failure', count: 36 }),
    row({ clientId: 'api.shop.serviceaccount.identity.linkerd.cluster.local', count: 3600 }),
    row({ ...plaintext, routeName: 'probe', count: 720 }),
    row({ ...plaintext, targetPort: '4191', count: 360 }),
  ],
});

describe('unmeshedCallers', () => {
  it('draws the inbound plaintext as one "unmeshed clients" caller, probes and admin port left out', () => {
    expect(callers(ingressTraffic)).toEqual([{
      cluster: 'lab', peer: UNMESHED_CLIENTS, meshed: false, peerKind: 'clients', workload: 'shop/Deployment/web',
      successRate: 0.995, rps: 2, protocol: 'http', security: 'plaintext', tlsShare: 0, noTlsReason: 'no_tls_from_remote', connections: 0,
    }]);
  });

  it("names Traefik's workload when Traefik's series show it forwarding to the entity's Service", () => {
    const coverage = { ...emptyMetricsCoverage('lab'), ingressServices: ['shop-web-http@kubernetes'], ingressPods: [{ service: 'shop-web-http@kubernetes', pod: 'kube-system/traefik-7d4f-abcde' }] };
    const [edge] = callers(ingressTraffic, [coverage]);
    expect([edge.peer, edge.peerKind, edge.security, edge.rps]).toEqual(['kube-system/Deployment/traefik', 'ingress', 'plaintext', 2]);
  });

  it('matches the Service by port number as well as by port name', () => {
    const coverage = { ...emptyMetricsCoverage('lab'), ingressServices: ['shop-web-80@kubernetes'], ingressPods: [{ service: 'shop-web-80@kubernetes', pod: 'kube-system/traefik-7d4f-abcde' }] };
    expect(callers(ingressTraffic, [coverage])[0].peer).toBe('kube-system/Deployment/traefik');
  });

  it('says Traefik without a workload when its pods are not known (coverage without pod labels)', () => {
    const coverage = { ...emptyMetricsCoverage('lab'), ingressServices: ['shop-web-http@kubernetes'], ingressPods: undefined };
    expect(callers(ingressTraffic, [coverage]).map(e => [e.peer, e.peerKind])).toEqual([[INGRESS_CALLER, 'ingress']]);
  });

  it("does not name Traefik for another Service's series, or another cluster's coverage", () => {
    const other = { ...emptyMetricsCoverage('lab'), ingressServices: ['shop-api-http@kubernetes'] };
    const elsewhere = { ...emptyMetricsCoverage('other'), ingressServices: ['shop-web-http@kubernetes'] };
    expect(callers(ingressTraffic, [other, elsewhere]).map(e => e.peer)).toEqual([UNMESHED_CLIENTS]);
  });

  it('leaves out plaintext a meshed caller already reported on its own edge', () => {
    const w = window({
      inbound: [row({ ...plaintext, count: 7200 }), row({ ...plaintext, classification: 'failure', count: 100 })],
      // api's proxy sent 3,600 requests to web without mTLS (no identity from discovery).
      edgeResponses: [
        { workload: api, dst: web, tls: 'no_identity', noTlsReason: 'not_provided_by_service_discovery', classification: 'success', count: 3600 },
        { workload: api, dst: web, tls: 'no_identity', noTlsReason: 'not_provided_by_service_discovery', classification: 'failure', count: 100 },
        // Its mTLS requests were never in the plaintext.
        { workload: api, dst: web, tls: 'true', serverId: 'web', classification: 'success', count: 5000 },
      ],
    });
    const [edge] = callers(w);
    expect([edge.rps, edge.successRate]).toEqual([1, 1]);
  });

  it('draws no caller when all plaintext was probes, admin traffic or meshed callers', () => {
    const w = window({
      inbound: [row({ ...plaintext, routeName: 'probe', count: 720 }), row({ ...plaintext, targetPort: '4191', count: 360 }), row({ ...plaintext, count: 500 })],
      edgeResponses: [{ workload: api, dst: web, tls: 'no_identity', classification: 'success', count: 500 }],
    });
    expect(callers(w)).toEqual([]);
    expect(callers(window({ inbound: [row({ count: 3600 })] }))).toEqual([]);
  });

  it('counts tls="disabled" as plaintext, named by its label', () => {
    const [edge] = callers(window({ inbound: [row({ tls: 'disabled', count: 360 })] }));
    expect([edge.noTlsReason, edge.rps]).toEqual(['disabled', 0.1]);
  });

  it("is per workload of the entity, and only the entity's", () => {
    const w = window({ inbound: [row({ ...plaintext, count: 3600 }), row({ ...plaintext, workload: api, count: 7200 })] });
    expect(callers(w).map(e => e.workload)).toEqual(['shop/Deployment/web']);
    expect(callers(w, [], 'api').map(e => [e.workload, e.rps])).toEqual([['shop/Deployment/api', 2]]);
  });
});
