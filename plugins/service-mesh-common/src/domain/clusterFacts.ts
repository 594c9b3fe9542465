import { ClusterSnapshot } from './kube';

/** Cluster-wide facts the adoption model reads (scale, cost, compatibility). */
export interface ClusterFacts {
  /** Services in namespaces that are not system namespaces. */
  applicationServices: number;
  allocatableMemoryMiB: number;
  nodes: number;
  kubeletVersion?: string;
}

const UNITS: Record<string, number> = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024, k: 1e3 / 2 ** 20, M: 1e6 / 2 ** 20, G: 1e9 / 2 ** 20, T: 1e12 / 2 ** 20, '': 1 / 2 ** 20 };

/** A Kubernetes memory quantity (`16Gi`, `16254352Ki`, `17179869184`) in MiB; 0 if unreadable. */
export function memoryMiB(quantity: string | undefined): number {
  const m = /^([0-9.]+)(Ki|Mi|Gi|Ti|k|M|G|T|)$/.exec(quantity ?? '');
  return m ? Number(m[1]) * UNITS[m[2]] : 0;
}

/** Counts and sums over the cluster's objects. */
export function clusterFacts(snapshot: ClusterSnapshot, systemNamespaces: string[]): ClusterFacts {
  const nodes = snapshot.objects.nodes as Array<{ status?: { allocatable?: { memory?: string }; nodeInfo?: { kubeletVersion?: string } } }>;
  return {
    applicationServices: snapshot.objects.services.filter(s => !systemNamespaces.includes(s.metadata.namespace ?? '') && s.metadata.name !== 'kubernetes').length,
    allocatableMemoryMiB: Math.round(nodes.reduce((n, node) => n + memoryMiB(node.status?.allocatable?.memory), 0)),
    nodes: nodes.length,
    kubeletVersion: nodes.map(n => n.status?.nodeInfo?.kubeletVersion).find(Boolean),
  };
}
