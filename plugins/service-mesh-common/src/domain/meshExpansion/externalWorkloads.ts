import { WorkloadReport } from '../../api/EntityMeshReport';
import { ExternalWorkloadInfo } from '../../api/Multicluster';
import { EntityMatcher, KUBERNETES_ANNOTATIONS, matcherIncludesCluster } from '../entityMatch';
import { CustomObject } from '../kube';
import { matchesLabels } from '../labelSelector';

/** An ExternalWorkload of a cluster with its labels, reported as a workload. */
export interface ExternalWorkloadMesh {
  labels: Record<string, string>;
  report: WorkloadReport & { external: ExternalWorkloadInfo };
}

type Condition = { type?: string; status?: string; reason?: string; message?: string };

/**
 * Ready when a `Ready` condition is `True`, as the ExternalWorkload endpoints controller decides
 * whether to publish its address (linkerd2 edge-25.10.7
 * `controller/api/destination/external-workload/controller_util.go` `IsEwReady`).
 */
export function externalWorkloadReady(conditions: Condition[] | undefined): { ready: boolean; reason?: string } {
  const ready = (conditions ?? []).find(c => c.type === 'Ready' && c.status === 'True');
  if (ready) return { ready: true };
  const other = (conditions ?? []).find(c => c.type === 'Ready');
  return { ready: false, reason: other ? other.reason || other.message || `Ready is ${other.status}` : 'no Ready condition' };
}

/**
 * An ExternalWorkload (workload.linkerd.io `v1beta1`) as a workload of the cluster: it runs a
 * Linkerd proxy outside Kubernetes with the identity `spec.meshTLS.identity`, so it is meshed by
 * definition; it has no pods (pod counts stay 0).
 */
export function externalWorkloadOf(cluster: string, ew: CustomObject & { status?: { conditions?: Condition[] } }): ExternalWorkloadMesh {
  const spec = ew.spec ?? {};
  const { ready, reason } = externalWorkloadReady(ew.status?.conditions);
  return {
    labels: ew.metadata.labels ?? {},
    report: {
      cluster,
      namespace: ew.metadata.namespace ?? 'default',
      kind: 'ExternalWorkload',
      name: ew.metadata.name,
      state: 'meshed',
      meshedPods: 0,
      totalPods: 0,
      nativeSidecar: false,
      external: {
        identity: typeof spec.meshTLS?.identity === 'string' ? spec.meshTLS.identity : '',
        serverName: typeof spec.meshTLS?.serverName === 'string' ? spec.meshTLS.serverName : undefined,
        ready,
        ...(reason ? { readyReason: reason } : {}),
        workloadIPs: (Array.isArray(spec.workloadIPs) ? spec.workloadIPs : []).map((w: { ip?: string }) => w?.ip).filter((ip: unknown): ip is string => typeof ip === 'string'),
        ports: (Array.isArray(spec.ports) ? spec.ports : []).filter((p: { port?: unknown }) => typeof p?.port === 'number').map((p: { port: number; name?: string; protocol?: string }) => ({ port: p.port, ...(p.name ? { name: p.name } : {}), ...(p.protocol ? { protocol: p.protocol } : {}) })),
      },
    },
  };
}

/** The ExternalWorkloads an entity selects, with the same matcher as its pods' workloads (labels, `backstage.io/kubernetes-id`). */
export function matchExternalWorkloads(m: EntityMatcher, cluster: string, items: ExternalWorkloadMesh[]): ExternalWorkloadMesh[] {
  if (!matcherIncludesCluster(m, cluster)) return [];
  return items.filter(e => (!m.namespace || e.report.namespace === m.namespace) && matchesLabels(m.requirements, e.labels));
}

/** `backstage.io/kubernetes-id` of an ExternalWorkload, if labelled. */
export function externalWorkloadKubernetesId(e: ExternalWorkloadMesh): string | undefined {
  return e.labels[KUBERNETES_ANNOTATIONS.id];
}
