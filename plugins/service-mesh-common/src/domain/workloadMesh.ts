import { WorkloadReport } from '../api/EntityMeshReport';
import { parseGoBool } from './goBool';
import { InjectionIntent } from './injection';
import { LINKERD } from './linkerdLabels';
import { classifyPod, PodMesh } from './podMesh';
import { Workload } from './workloads';

/** A workload's mesh classification, with its pods' details for the findings. */
export interface WorkloadMesh {
  report: WorkloadReport;
  pods: PodMesh[];
  intent: InjectionIntent;
  /** The injector's webhook sees the workload's namespace (false in kube-system, cert-manager). */
  injectable?: boolean;
  /** New pods get the native sidecar (annotation, namespace, cluster default), whatever the pods run. */
  nativeSidecarRequested: boolean;
}

const DEFAULT_POLICY = 'config.linkerd.io/default-inbound-policy';

function annotationsOf(w: Workload): Record<string, string> {
  return w.template?.metadata?.annotations ?? {};
}

/**
 * Whether the injector gives new pods the native sidecar (linkerd2 `pkg/inject/inject.go`): the
 * pod's annotations, each missing one taken from the namespace; beta over alpha, read by Go's
 * `strconv.ParseBool` (an unreadable value leaves the default); else the cluster's
 * `proxy.nativeSidecar`.
 */
export function nativeSidecarRequested(
  annotations: Record<string, string>,
  namespaceAnnotations: Record<string, string> | undefined,
  clusterDefault: boolean | undefined,
): boolean {
  const read = (key: string) => annotations[key] ?? namespaceAnnotations?.[key];
  const beta = read(LINKERD.nativeSidecarBeta);
  const value = beta !== undefined ? beta : read(LINKERD.nativeSidecarAlpha);
  return parseGoBool(value) ?? clusterDefault ?? false;
}

/** The newest Succeeded pod, when no pod is counted (a Job's finished run). */
function lastRun(w: Workload, pods: PodMesh[]): PodMesh[] {
  const done = w.pods.map((pod, i) => ({ pod, mesh: pods[i] })).filter(x => x.pod.status?.phase === 'Succeeded');
  done.sort((a, b) => (b.pod.metadata.creationTimestamp ?? '').localeCompare(a.pod.metadata.creationTimestamp ?? ''));
  return done.slice(0, 1).map(x => x.mesh);
}

/** Classifies a workload's pods by Linkerd's rules and counts them the way `linkerd viz stat` does. */
export function classifyWorkload(
  w: Workload,
  intent: InjectionIntent,
  namespaceAnnotations?: Record<string, string>,
  clusterDefaultPolicy?: string,
  clusterNativeSidecar?: boolean,
): WorkloadMesh {
  const pods = w.pods.map(classifyPod);
  const counted = pods.filter(p => p.counted);
  const meshed = counted.filter(p => p.meshed);
  // Between a CronJob's runs nothing is counted (viz shows 0/0): its state is the last run's.
  const shown = counted.length > 0 ? counted : lastRun(w, pods);
  const shownMeshed = shown.filter(p => p.meshed);
  let state: WorkloadReport['state'] = shownMeshed.length > 0 ? 'partial' : 'unmeshed';
  if (shown.length > 0 && shownMeshed.length === shown.length) state = 'meshed';
  const failed = pods.filter(p => p.failed).length;
  const versions = shownMeshed.map(p => p.proxyVersion).filter((v): v is string => Boolean(v));
  const annotations = annotationsOf(w);
  return {
    report: {
      cluster: w.cluster,
      namespace: w.namespace,
      kind: w.kind,
      name: w.name,
      state,
      meshedPods: meshed.length,
      totalPods: counted.length,
      ...(failed > 0 ? { failedPods: failed } : {}),
      nativeSidecar: shownMeshed.length > 0 && shownMeshed.every(p => p.nativeSidecar),
      proxyVersion: versions[0],
      injection: intent === 'invalid' ? 'absent' : intent,
      // Read by the injector at pod creation: pod template, then namespace, then cluster default.
      defaultInboundPolicy:
        annotations[DEFAULT_POLICY] ?? namespaceAnnotations?.[DEFAULT_POLICY] ?? clusterDefaultPolicy,
    },
    pods,
    intent,
    nativeSidecarRequested: nativeSidecarRequested(annotations, namespaceAnnotations, clusterNativeSidecar),
  };
}
