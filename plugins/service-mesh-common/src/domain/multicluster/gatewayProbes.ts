import { ClusterMulticlusterReport, GatewayProbeState, GatewaySample } from '../../api/Multicluster';
import { histogramQuantile } from '../metrics/histogramQuantile';
import { ClusterMulticluster } from './clusterMulticluster';

/**
 * A gateway's state the way `linkerd multicluster gateways` reads the service mirror's metrics
 * (linkerd2 edge-25.10.7 `multicluster/cmd/gateways.go`; metrics in
 * `multicluster/service-mirror/metrics.go`, labelled `target_cluster_name`): `gateway_enabled`
 * other than 1 means no gateway is probed; else `gateway_alive` 1 is alive, 0 down.
 */
export function gatewayProbeState(sample: GatewaySample | undefined): GatewayProbeState {
  if (!sample) return 'unknown';
  if (sample.enabled !== undefined && sample.enabled !== 1) return 'disabled';
  if (sample.alive === undefined) return 'unknown';
  return sample.alive === 1 ? 'alive' : 'down';
}

/** The cluster's Links with their probe state and latency, its mirror and federated Services. */
export function clusterMulticlusterReport(mc: ClusterMulticluster, samples: GatewaySample[]): ClusterMulticlusterReport {
  return {
    links: mc.links.map(link => {
      const sample = samples.find(s => s.targetCluster === link.targetClusterName);
      const state = gatewayProbeState(sample);
      const observed = (sample?.latencyBuckets ?? []).some(b => b.le === Infinity && b.count > 0);
      const p95 = observed ? histogramQuantile(0.95, sample!.latencyBuckets) : undefined;
      return {
        ...link,
        probeState: state,
        // `gateway_latency` is set only by a successful probe (`probe_worker.go`): shown while alive.
        ...(state === 'alive' && sample?.latencyMs !== undefined ? { probeLatencyMs: sample.latencyMs } : {}),
        ...(p95 !== undefined && Number.isFinite(p95) ? { probeLatencyP95Ms: Number(p95.toFixed(1)) } : {}),
      };
    }),
    mirroredServices: mc.mirroredServices,
    federatedServices: mc.federatedServices,
  };
}
