import { EdgeReport, MtlsReport } from '../../api/EntityMeshReport';
import { GeneratedWorkloadPolicy } from '../../api/GeneratedPolicy';
import { AnalyzedWorkload, ClusterMesh } from '../clusterMesh';
import { DEFAULT_SERVER_SPEAKS_FIRST_PORTS } from '../opaquePorts';
import { selectingServices } from '../serviceSelection';
import { generateWorkloadPolicy } from './generateWorkloadPolicy';
import { serviceAccountIdentity } from './identity';
import { podIdentity } from '../metrics/peerIdentities';
import { workloadPorts } from './workloadPorts';

/** What the generated policy of an entity reads. */
export interface EntityPolicyInput {
  matched: Array<{ cluster: ClusterMesh; workloads: AnalyzedWorkload[] }>;
  /** The entity's meshed callers (their outbound metrics), with `clientId` and the called `workload`. */
  callers: EdgeReport[];
  /** Inbound mTLS of the entity: client ids seen, and requests without mTLS. */
  mtls?: MtlsReport;
  /** Workloads of the entities the catalog declares as callers (dependsOn / consumesApi towards this one). */
  declaredCallers: Map<string, AnalyzedWorkload[]>;
  serverSpeaksFirstPorts?: number[];
}

const REVISION_LABELS = ['pod-template-hash', 'controller-revision-hash', 'statefulset.kubernetes.io/pod-name', 'batch.kubernetes.io/controller-uid', 'controller-uid'];
const podLabels = (labels: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(labels).filter(([k]) => !REVISION_LABELS.includes(k) && !k.startsWith('linkerd.io/')));

/** A meshed pod's identity as its proxy has it, else the one its ServiceAccount will get. */
function callerIdentity(a: AnalyzedWorkload, controlPlaneNamespace: string): string {
  const pod = a.workload.pods.find(p => p.metadata.labels?.['linkerd.io/control-plane-ns']);
  return pod ? podIdentity(pod, controlPlaneNamespace) : serviceAccountIdentity(a.workload.template?.spec.serviceAccountName, a.workload.namespace);
}

/**
 * Generated authorization policy for each meshed (or partly meshed) workload of an entity. Seen
 * callers are the `clientId` of caller edges on that workload, plus client ids of the entity's
 * inbound mTLS (HTTP `byClient` and TCP `tcp.byClient`) that no caller edge explains (an unscraped caller): those are allowed on every
 * workload of the entity, as the inbound metrics are summed per entity.
 */
export function entityGeneratedPolicy(input: EntityPolicyInput): GeneratedWorkloadPolicy[] {
  const out: GeneratedWorkloadPolicy[] = [];
  const edgeClients = new Set(input.callers.map(e => e.clientId).filter(Boolean));
  const inbound = [...(input.mtls?.byClient ?? []), ...(input.mtls?.tcp?.byClient ?? [])].map(c => c.clientId);
  const entityOnly = [...new Set(inbound)].filter(id => id && !edgeClients.has(id));
  const plaintext = (input.mtls?.plaintext ?? []).reduce((n, p) => n + p.requests, 0) + (input.mtls?.tcp?.plaintext ?? []).reduce((n, p) => n + p.connections, 0);
  for (const { cluster, workloads } of input.matched) {
    for (const a of workloads.filter(x => x.mesh.report.state !== 'unmeshed')) {
      const w = a.workload;
      const labels = w.template?.metadata?.labels;
      const key = `${w.namespace}/${w.kind}/${w.name}`;
      const annotations = w.template?.metadata?.annotations ?? {};
      const nsAnnotations = cluster.namespaces.find(n => n.name === w.namespace)?.annotations ?? {};
      const ports = workloadPorts(w.template, {
        services: selectingServices(cluster.services, w.namespace, labels),
        opaquePortsAnnotation: annotations['config.linkerd.io/opaque-ports'] ?? nsAnnotations['config.linkerd.io/opaque-ports'],
        serverSpeaksFirstPorts: input.serverSpeaksFirstPorts ?? DEFAULT_SERVER_SPEAKS_FIRST_PORTS,
      });
      const seen = [
        ...input.callers.filter(e => e.cluster === cluster.summary.name && e.workload === key && e.clientId).map(e => ({ identity: e.clientId!, entityRef: e.peerEntityRef })),
        ...entityOnly.map(identity => ({ identity })),
      ];
      const declared = [...input.declaredCallers].flatMap(([entityRef, callers]) =>
        callers.filter(c => c.workload.cluster === cluster.summary.name).map(c => ({ identity: callerIdentity(c, cluster.summary.controlPlaneNamespace), entityRef })));
      out.push(generateWorkloadPolicy({
        cluster: cluster.summary.name,
        namespace: w.namespace,
        kind: w.kind,
        name: w.name,
        serviceAccount: w.template?.spec.serviceAccountName,
        podLabels: podLabels(labels),
        ports,
        seen,
        declared,
        plaintextRequests: plaintext,
      }));
    }
  }
  return out;
}
