import { ExportedServiceReport } from '../../api/Multicluster';
import { ClusterMesh } from '../clusterMesh';
import { matchesLabels } from '../labelSelector';
import { Service } from '../kube';
import { selectingServices } from '../serviceSelection';
import { Workload } from '../workloads';
import { linkSelector } from './kubeSelector';
import { DEFAULT_LINK_SELECTORS, MULTICLUSTER } from './multiclusterLabels';

type Mode = ExportedServiceReport['exportedAs'];

/**
 * How a Service is exported: by its own label, as `linkerd multicluster link`'s default selectors
 * read it (`mirror.linkerd.io/exported=true` → gateway, `=remote-discovery`,
 * `mirror.linkerd.io/federated=member`; linkerd2 `multicluster/cmd/link.go`), else by the
 * selectors of a Link seen in another cluster that targets this one.
 */
export function exportMode(service: Service, linksToCluster: ClusterMesh['multicluster']['linkObjects']): Mode | undefined {
  const l = service.metadata.labels ?? {};
  if (l[MULTICLUSTER.exported] === 'true') return 'gateway';
  if (l[MULTICLUSTER.exported] === 'remote-discovery') return 'remote-discovery';
  if (l[MULTICLUSTER.federated] === 'member') return 'federated';
  for (const link of linksToCluster) {
    const s = link.spec ?? {};
    if (s.selector && matchesLabels(linkSelector(s.selector, DEFAULT_LINK_SELECTORS.gateway), l)) return 'gateway';
    if (s.remoteDiscoverySelector && matchesLabels(linkSelector(s.remoteDiscoverySelector, DEFAULT_LINK_SELECTORS.remoteDiscovery), l)) return 'remote-discovery';
    if (s.federatedServiceSelector && matchesLabels(linkSelector(s.federatedServiceSelector, DEFAULT_LINK_SELECTORS.federated), l)) return 'federated';
  }
  return undefined;
}

/** Where a cluster's Service is mirrored among the other configured clusters (their Links' names for it must be this cluster's name). */
function mirrorsOf(cluster: string, service: Service, all: ClusterMesh[]): ExportedServiceReport['mirroredIn'] {
  const ns = service.metadata.namespace ?? 'default';
  const target = `${ns}/${service.metadata.name}`;
  return all.filter(c => c.summary.name !== cluster).flatMap(c => {
    const mc = c.multicluster;
    const linkFor = (t: string) => mc.links.find(l => l.targetClusterName === t);
    const mirrors = mc.mirroredServices
      .filter(m => m.targetCluster === cluster && m.targetService === target)
      .map(m => ({ cluster: c.summary.name, service: `${m.namespace}/${m.name}`, link: linkFor(cluster)?.name ?? '' }));
    const federated = mc.federatedServices
      .filter(f => f.namespace === ns && f.remoteMembers.includes(`${service.metadata.name}@${cluster}`))
      .map(f => ({ cluster: c.summary.name, service: `${f.namespace}/${f.name}`, link: linkFor(cluster)?.name ?? '' }));
    return [...mirrors, ...federated];
  });
}

/** The entity's Services (those selecting its workloads' pods) exported to other clusters, with their mirrors. */
export function exportedServices(matched: Array<{ cluster: ClusterMesh; workloads: Array<{ workload: Workload }> }>, all: ClusterMesh[]): ExportedServiceReport[] {
  const out = new Map<string, ExportedServiceReport>();
  for (const { cluster, workloads } of matched) {
    const name = cluster.summary.name;
    const links = all.flatMap(c => (c.summary.name === name ? [] : c.multicluster.linkObjects.filter(l => (l.spec?.targetClusterName ?? l.metadata.name) === name)));
    for (const { workload } of workloads) {
      const labels = [workload.template?.metadata?.labels, ...workload.pods.map(p => p.metadata.labels)];
      const services = labels.flatMap(l => selectingServices(cluster.services, workload.namespace, l));
      for (const s of services) {
        const key = `${name}/${s.metadata.namespace}/${s.metadata.name}`;
        const mode = out.has(key) ? undefined : exportMode(s, links);
        if (!mode) continue;
        out.set(key, { cluster: name, namespace: s.metadata.namespace ?? 'default', name: s.metadata.name, exportedAs: mode, mirroredIn: mirrorsOf(name, s, all) });
      }
    }
  }
  return [...out.values()];
}
