import { ClusterAdoptionCost } from '../../api/EntityMeshReport';
import { ClusterMesh } from '../clusterMesh';
import { AdoptionConfig } from './adoptionConfig';

/**
 * What Linkerd would add to a cluster: the control plane (unless installed), a proxy per
 * meshable pod (outside system namespaces, not on the host network, not meshed yet), and
 * Prometheus memory for the proxies' series, named separately; against allocatable memory.
 */
export function clusterCost(cluster: ClusterMesh, c: AdoptionConfig): ClusterAdoptionCost {
  const installed = cluster.controlPlane.installed;
  const ha = cluster.summary.highAvailability === true;
  const meshable = cluster.workloads.filter(a => !c.systemNamespaces.includes(a.workload.namespace) && !a.workload.template?.spec.hostNetwork);
  const meshablePods = meshable.reduce((n, a) => n + a.mesh.report.totalPods - a.mesh.report.meshedPods, 0);
  const hostNetwork = cluster.workloads.filter(a => !c.systemNamespaces.includes(a.workload.namespace) && a.workload.template?.spec.hostNetwork);
  const controlPlaneMemoryMiB = installed ? 0 : c.cost.controlPlaneMiB * (ha ? c.cost.haFactor : 1);
  const sidecarMemoryMiB = meshablePods * c.cost.sidecarMiB;
  const prometheus = meshablePods * c.cost.prometheusMiBPerPod;
  const extras = [{ name: 'Prometheus', memoryMiB: prometheus, why: `≈ ${c.cost.prometheusMiBPerPod} MiB per meshed pod for the proxies' series` }];
  const totalMemoryMiB = controlPlaneMemoryMiB + sidecarMemoryMiB + prometheus;
  const allocatable = cluster.facts.allocatableMemoryMiB;
  const share = allocatable ? ` (${((totalMemoryMiB / allocatable) * 100).toFixed(1)} % of ${(allocatable / 1024).toFixed(0)} GiB allocatable)` : '';
  const statements = [
    installed
      ? 'Linkerd is installed: the control plane costs nothing more.'
      : `Control plane ≈ ${controlPlaneMemoryMiB} MiB (destination, identity, proxy-injector and headroom${ha ? ', high availability ×3' : `; ×${c.cost.haFactor} in high availability`}).`,
    `${meshablePods} meshable pod${meshablePods === 1 ? '' : 's'} × ${c.cost.sidecarMiB} MiB per proxy = ${sidecarMemoryMiB} MiB; system namespaces (${c.systemNamespaces.filter(n => cluster.namespaces.some(x => x.name === n)).join(', ') || 'none'}) stay unmeshed.`,
    `Prometheus ≈ ${prometheus} MiB more for the proxies' series.`,
    `Total ≈ ${totalMemoryMiB} MiB${share}.`,
    ...(hostNetwork.length ? [`Not meshable (host network): ${hostNetwork.map(a => `${a.workload.namespace}/${a.workload.name}`).join(', ')}.`] : []),
    cluster.facts.kubeletVersion ? `Kubernetes ${cluster.facts.kubeletVersion}: native sidecars need 1.29+, Linkerd 2.19 supports 1.29–1.35.` : 'Kubernetes version unknown.',
    'Operations: certificate rotation, a control plane to upgrade and debug, injection to coordinate with deploys.',
  ];
  return { controlPlaneMemoryMiB, meshablePods, sidecarMemoryMiB, extras, totalMemoryMiB, allocatableMemoryMiB: allocatable, statements };
}
