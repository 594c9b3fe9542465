// The label sets a Linkerd 2.19 proxy exports (linkerd2-proxy release/v2.326.0) and the labels a
// Prometheus with viz's relabelling adds at scrape time (linkerd2 edge-25.10.7
// `viz/charts/linkerd-viz/templates/prometheus.yaml`), for the traffic model's series:
// - target labels `target_addr`/`target_ip`/`target_port` (`linkerd/app/core/src/transport/labels.rs`);
// - TLS accept (`tls`, `client_id` | `no_tls_reason`) and connect (`tls`, `server_id` | `no_tls_reason`)
//   labels (`linkerd/tls/src/{server,client}.rs`, `linkerd/app/core/src/metrics.rs`);
// - inbound policy labels `srv_*`, `route_*`, `authz_*` (default policy without a Server, and the
//   policy controller's `probe` route for kubelet probes: `policy-controller/k8s/index/src/inbound/index.rs`);
// - outbound `authority` and `dst_*` from the destination controller (`pkg/k8s/labels.go` `GetPodLabels`).
import { createHash } from 'node:crypto';

/** A workload of the model; only meshed workloads have proxies, hence metrics. */
export interface ModelWorkload {
  namespace: string;
  /**
   * How the scraped series name the owner: `linkerd.io/proxy-<kind>` relabelled (`k8s_job` for Jobs);
   * `pod` for pods that carry no owner label (a CronJob's pods, bare pods).
   */
  kind: 'deployment' | 'statefulset' | 'daemonset' | 'k8s_job' | 'pod';
  name: string;
  /** Pod count (names generated) or the pods' names. */
  pods: number | string[];
  serviceAccount?: string;
  /** Default true. */
  meshed?: boolean;
  /** The port its clients call (default 8080). */
  port?: number;
  /** Port of its kubelet HTTP probes (default `port` when it serves HTTP; `null`: none). */
  probePort?: number | null;
  /** The Service its clients call (default `name`). */
  service?: string;
  /** Unix seconds between which its pods ran (default: the whole model), e.g. a CronJob's run. */
  alive?: [number, number];
  /** Zone of each pod's node (`topology.kubernetes.io/zone`); unknown when absent. */
  zones?: Record<string, string>;
  /** A Service of another cluster reached through its local mirror (`<name>-<cluster>`) and the Link's gateway: no proxy of it here. */
  remote?: RemoteTarget;
}

/** Where a mirror Service leads: the Link's target cluster and gateway. */
export interface RemoteTarget {
  cluster: string;
  gatewayAddress: string;
  gatewayPort: string;
  gatewayIdentity: string;
}

export type Labels = Record<string, string>;

const hash = (text: string) => createHash('sha256').update(text).digest();

export function podNames(w: ModelWorkload): string[] {
  if (Array.isArray(w.pods)) return w.pods;
  return Array.from({ length: w.pods }, (_, i) => (w.kind === 'statefulset' ? `${w.name}-${i}` : `${w.name}-5d8f7c9b4-${'abcdefghij'[i % 10]}x${i}`));
}

/** A pod's IP, derived from its name (k3s's default pod CIDR). */
export function podIp(pod: string): string {
  const h = hash(pod);
  return `10.42.${h[0] % 8}.${2 + (h[1] % 250)}`;
}

export const identity = (w: ModelWorkload) => `${w.serviceAccount ?? w.name}.${w.namespace}.serviceaccount.identity.linkerd.cluster.local`;

/** What a Prometheus with viz's relabelling adds to every series of a pod's proxy. */
export function scrapeLabels(w: ModelWorkload, pod: string): Labels {
  const owner: Labels =
    w.kind === 'pod' ? {}
    : w.kind === 'deployment' ? { deployment: w.name, pod_template_hash: pod.split('-').slice(-2, -1)[0] }
    : { [w.kind]: w.name };
  return {
    job: 'linkerd-proxy', instance: `${podIp(pod)}:4191`, namespace: w.namespace, pod, ...owner,
    control_plane_ns: 'linkerd', workload_ns: w.namespace,
  };
}

export function targetLabels(pod: string, port: number): Labels {
  const ip = podIp(pod);
  return { target_addr: `${ip}:${port}`, target_ip: ip, target_port: String(port) };
}

/** Inbound policy labels of the default policy (no Server), on the default route or the probe route. */
export function inboundPolicy(port: number, route: 'default' | 'probe' = 'default'): Labels {
  return {
    srv_group: '', srv_kind: 'default', srv_name: 'all-unauthenticated', srv_port: String(port),
    route_group: '', route_kind: 'default', route_name: route,
    authz_group: '', authz_kind: 'default', authz_name: route === 'probe' ? 'probe' : 'all-unauthenticated',
  };
}

export const acceptTls = (client: ModelWorkload | undefined): Labels =>
  client ? { tls: 'true', client_id: identity(client) } : { tls: 'no_identity', no_tls_reason: 'no_tls_from_remote' };

export const connectTls = (server: ModelWorkload | undefined): Labels =>
  server?.remote ? { tls: 'true', server_id: server.remote.gatewayIdentity }
  : server ? { tls: 'true', server_id: identity(server) } : { tls: 'no_identity', no_tls_reason: 'not_provided_by_service_discovery' };

/**
 * Outbound labels of a call to a mirror Service in gateway mode: the endpoint is the target's
 * gateway (no pod, so no owner or zone: `zone_locality` `unknown`), and the destination controller
 * adds `target_cluster`, `target_service`, `target_service_namespace` from the mirror's
 * `mirror.linkerd.io/cluster-name` and `remote-svc-fq-name` (linkerd2 edge-25.10.7
 * `controller/api/destination/watcher/endpoints_watcher.go` metricLabels, `endpoint_translator.go`).
 */
export function mirrorDstLabels(to: ModelWorkload & { remote: RemoteTarget }): Labels {
  const mirror = `${to.service ?? to.name}-${to.remote.cluster}`;
  const port = to.port ?? 8080;
  return {
    authority: `${mirror}.${to.namespace}.svc.cluster.local:${port}`,
    target_addr: `${to.remote.gatewayAddress}:${to.remote.gatewayPort}`, target_ip: to.remote.gatewayAddress, target_port: to.remote.gatewayPort,
    dst_namespace: to.namespace, dst_service: mirror,
    dst_target_cluster: to.remote.cluster, dst_target_service: to.service ?? to.name, dst_target_service_namespace: to.namespace, dst_zone_locality: 'unknown',
  };
}

/**
 * Outbound labels naming the destination pod, as the destination controller sends them: its zone,
 * and `zone_locality` `local`/`remote` against the client's node zone, `unknown` when either is
 * not known (linkerd2 `controller/api/destination/endpoint_translator.go`).
 */
export function dstLabels(to: ModelWorkload, pod: string, clientZone?: string): Labels {
  if (to.remote) return mirrorDstLabels(to as ModelWorkload & { remote: RemoteTarget });
  const zone = to.zones?.[pod];
  const locality = zone && clientZone ? (zone === clientZone ? 'local' : 'remote') : 'unknown';
  const owner = to.kind === 'pod' ? { dst_pod: pod } : to.kind === 'deployment' ? { [`dst_${to.kind}`]: to.name, dst_pod_template_hash: pod.split('-').slice(-2, -1)[0] } : { [`dst_${to.kind}`]: to.name };
  const port = to.port ?? 8080;
  return {
    authority: `${to.service ?? to.name}.${to.namespace}.svc.cluster.local:${port}`,
    ...targetLabels(pod, port),
    dst_control_plane_ns: 'linkerd', dst_namespace: to.namespace, dst_pod: pod, ...owner,
    dst_service: to.service ?? to.name, dst_serviceaccount: to.serviceAccount ?? to.name, dst_zone: zone ?? '', dst_zone_locality: locality,
  };
}
