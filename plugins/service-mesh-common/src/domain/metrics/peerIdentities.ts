import { ClusterMesh } from '../clusterMesh';
import { Pod } from '../kube';
import { metricWorkloadsOf } from './metricWorkloadsOf';
import { workloadKey } from './metricsWindow';

/** Linkerd's default trust domain (`identityTrustDomain`), used when the proxy env does not say. */
export const DEFAULT_TRUST_DOMAIN = 'cluster.local';

/**
 * A meshed pod's identity the way `linkerd viz edges` derives CLIENT_ID (linkerd2
 * `pkg/k8s/k8s.go` `PodIdentity`, used by `viz/metrics-api/edges.go`): the proxy's
 * `LINKERD2_PROXY_IDENTITY_LOCAL_NAME` with `$(_pod_sa).$(_pod_ns)` filled in from the pod;
 * without that env, `<sa>.<ns>.serviceaccount.identity.<control-plane-ns>.cluster.local`.
 */
export function podIdentity(pod: Pod, controlPlaneNamespace: string): string {
  const sa = pod.spec.serviceAccountName || 'default';
  const ns = pod.metadata.namespace ?? 'default';
  const proxy = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find(c => c.name === 'linkerd-proxy');
  const local = proxy?.env?.find(e => e.name === 'LINKERD2_PROXY_IDENTITY_LOCAL_NAME')?.value;
  if (local) return local.split('$(_pod_sa).$(_pod_ns)').join(`${sa}.${ns}`);
  return `${sa}.${ns}.serviceaccount.identity.${controlPlaneNamespace}.${DEFAULT_TRUST_DOMAIN}`;
}

/** The client identity of each meshed peer workload (`namespace/Kind/name` as in edge reports). */
export function peerIdentities(cluster: ClusterMesh, peers: string[]): Map<string, string> {
  const wanted = new Set(peers);
  const out = new Map<string, string>();
  for (const a of cluster.workloads) {
    const pod = a.workload.pods.find(p => p.metadata.labels?.['linkerd.io/control-plane-ns']);
    if (!pod) continue;
    for (const m of metricWorkloadsOf(a.workload)) {
      if (wanted.has(workloadKey(m))) out.set(workloadKey(m), podIdentity(pod, cluster.controlPlane.namespace));
    }
  }
  return out;
}
