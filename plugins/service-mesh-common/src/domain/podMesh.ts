import { Container, Pod } from './kube';
import { ISTIO_IMAGES, LINKERD, OTHER_MESH_CONTAINERS } from './linkerdLabels';

/** What Linkerd's own rules say about one pod (linkerd-reference.md §1). */
export interface PodMesh {
  /** Counts towards the total as `linkerd viz stat` counts: Pending or Running, not terminating. */
  counted: boolean;
  /** Phase `Failed`: shown apart, as viz's `failed_pod_count`. */
  failed: boolean;
  /** Control-plane label present and a `linkerd-proxy` container in either list. */
  meshed: boolean;
  /** The proxy is an init container with `restartPolicy: Always`. */
  nativeSidecar: boolean;
  proxyVersion?: string;
  /** Name of another mesh whose sidecar the pod carries. */
  otherMesh?: string;
  hostNetwork: boolean;
  /** UDP ports declared by the pod's containers (not the proxy's). */
  udpPorts: number[];
}

function findProxy(pod: Pod): { container: Container; init: boolean } | undefined {
  const init = (pod.spec.initContainers ?? []).find(c => c.name === LINKERD.proxyContainer);
  if (init) return { container: init, init: true };
  const regular = pod.spec.containers.find(c => c.name === LINKERD.proxyContainer);
  return regular ? { container: regular, init: false } : undefined;
}

function imageTag(image?: string): string | undefined {
  const match = image?.match(/:([^:/@]+)(@.*)?$/);
  return match?.[1];
}

/**
 * viz's pod count (`isPendingOrRunning` in linkerd2 `controller/k8s/api.go`). A pod without a
 * phase is Pending: the API server sets that phase when it creates the pod.
 */
function isPendingOrRunning(pod: Pod): boolean {
  const phase = pod.status?.phase ?? 'Pending';
  return (phase === 'Pending' || phase === 'Running') && !pod.metadata.deletionTimestamp;
}

/** Classifies a pod by Linkerd's rules: label plus proxy container, native sidecar, blockers. */
export function classifyPod(pod: Pod): PodMesh {
  const labels = pod.metadata.labels ?? {};
  const annotations = pod.metadata.annotations ?? {};
  const proxy = findProxy(pod);
  const meshed = Boolean(labels[LINKERD.controlPlaneNsLabel]) && proxy !== undefined;
  const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  const otherMesh = all.map(c => OTHER_MESH_CONTAINERS[c.name] ?? (ISTIO_IMAGES.some(i => c.image?.startsWith(i)) ? 'Istio' : undefined)).find(Boolean);
  const udpPorts = pod.spec.containers
    .filter(c => c.name !== LINKERD.proxyContainer)
    .flatMap(c => c.ports ?? [])
    .filter(p => p.protocol === 'UDP')
    .map(p => p.containerPort);
  return {
    counted: isPendingOrRunning(pod),
    failed: pod.status?.phase === 'Failed',
    meshed,
    nativeSidecar: meshed && proxy!.init && proxy!.container.restartPolicy === 'Always',
    proxyVersion: meshed
      ? annotations[LINKERD.proxyVersionAnnotation] ?? imageTag(proxy!.container.image)
      : undefined,
    otherMesh,
    hostNetwork: pod.spec.hostNetwork === true,
    udpPorts: [...new Set(udpPorts)].sort((a, b) => a - b),
  };
}
