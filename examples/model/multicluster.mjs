/**
 * Multi-cluster and mesh expansion in homelab-meshed (issue 17), as `linkerd multicluster link`
 * and the service mirror leave them (linkerd2 edge-25.10.7 `multicluster/cmd/link.go`,
 * `multicluster/service-mirror/cluster_watcher.go`):
 *   - a Link to `cloud-vps`, a small k3s cluster on a rented VPS that serves the public site, whose
 *     gateway the service mirror probes (`gateway_*` metrics in the traffic model);
 *   - its exported `auto-brand/public-site` mirrored here as `public-site-cloud-vps`, which
 *     publisher calls to push what it publishes;
 *   - an ExternalWorkload: the GPU workstation beside the rack running video-service's encoder
 *     with a Linkerd proxy (mesh expansion), tied to video-service by `backstage.io/kubernetes-id`.
 */
export const MULTICLUSTER_NS = 'linkerd-multicluster';
export const MULTICLUSTER_INSTALLED_AT = '2026-11-18T14:31:07Z';

export const LINK = {
  name: 'cloud-vps',
  created: '2026-11-18T14:36:52Z',
  targetClusterName: 'cloud-vps',
  targetClusterDomain: 'cluster.local',
  gatewayAddress: '198.51.100.24',
  gatewayPort: '4143',
  gatewayIdentity: 'linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.cluster.local',
  probe: { path: '/ready', port: '4191', period: '3s', timeout: '30s', failureThreshold: '3' },
  /** The gateway answers its probes in about this many ms (VPS across the internet). */
  probeLatencyMs: 38,
};

/** Services of cloud-vps exported with `mirror.linkerd.io/exported: "true"` and mirrored here. */
export const MIRRORED = [
  { namespace: 'auto-brand', name: 'public-site', port: 8080, remoteResourceVersion: '184302', created: '2026-11-18T14:37:01Z' },
];

/** What auto-brand calls across the Link: workload, mirror target, declared rate and latency (ms p50/p95/p99). */
export const CROSS_CLUSTER_CALLS = [
  { from: 'publisher', to: 'public-site', rps: 0.3, failureRatio: 0.01, latency: [45, 140, 320] },
];

export const EXTERNAL_WORKLOADS = [
  {
    namespace: 'auto-brand',
    name: 'video-encoder-gpu',
    created: '2026-11-18T16:12:40Z',
    labels: { app: 'video-encoder', 'backstage.io/kubernetes-id': 'video-service' },
    ip: '192.168.1.60',
    ports: [{ name: 'http', port: 8010 }],
    /** The proxy on the workstation presents the ServiceAccount identity its bootstrap token was issued for. */
    identity: 'video-encoder.auto-brand.serviceaccount.identity.linkerd.cluster.local',
    serverName: 'video-encoder-gpu.auto-brand.cluster.local',
    readySince: '2026-11-18T16:13:05Z',
  },
];
