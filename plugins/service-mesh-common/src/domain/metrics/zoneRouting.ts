import { ZoneLocalityReport } from '../../api/EntityMeshReport';
import { ClusterMesh } from '../clusterMesh';
import { selectingServices } from '../serviceSelection';

/** The annotation of topology-aware routing before `trafficDistribution` (Kubernetes `Auto`). */
export const TOPOLOGY_MODE_ANNOTATION = 'service.kubernetes.io/topology-mode';

/**
 * The topology-aware routing setting of the Services in front of the workloads an entity calls
 * (`peer` of its callee edges, `namespace/Kind/name`): `spec.trafficDistribution` and the
 * `service.kubernetes.io/topology-mode` annotation. Kubernetes turns them into EndpointSlice zone
 * hints, and the destination controller sends a client only the endpoints hinted for its node's
 * zone (linkerd2 edge-25.10.7 `controller/api/destination/endpoint_translator.go`).
 * Every called Service is listed, with or without a setting, so "no setting" is visible too.
 */
export function zoneRouting(clusters: ClusterMesh[], callees: Array<{ cluster: string; peer: string }>): NonNullable<ZoneLocalityReport['services']> {
  const out = new Map<string, NonNullable<ZoneLocalityReport['services']>[number]>();
  for (const c of clusters) {
    const peers = new Set(callees.filter(e => e.cluster === c.summary.name).map(e => e.peer));
    for (const a of c.workloads) {
      const w = a.workload;
      if (!peers.has(`${w.namespace}/${w.kind}/${w.name}`)) continue;
      for (const s of selectingServices(c.services, w.namespace, w.template?.metadata?.labels)) {
        const topologyMode = s.metadata.annotations?.[TOPOLOGY_MODE_ANNOTATION];
        out.set(`${c.summary.name}/${w.namespace}/${s.metadata.name}`, {
          cluster: c.summary.name, namespace: w.namespace, name: s.metadata.name,
          ...(s.spec.trafficDistribution ? { trafficDistribution: s.spec.trafficDistribution } : {}),
          ...(topologyMode ? { topologyMode } : {}),
        });
      }
    }
  }
  return [...out.values()].sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
}
