import { FederatedServiceReport, LinkReport, MirroredServiceReport } from '../../api/Multicluster';
import { CustomObject, Service } from '../kube';
import { MULTICLUSTER } from './multiclusterLabels';
import { selectorText } from './kubeSelector';

/** A Link as read from its spec, before the probe metrics are joined. */
export type LinkSpecReport = Omit<LinkReport, 'probeState' | 'probeLatencyMs' | 'probeLatencyP95Ms'>;

/** The multi-cluster objects of one cluster, computed once per snapshot. */
export interface ClusterMulticluster {
  links: LinkSpecReport[];
  /** The Link objects as served (their selectors decide what another cluster exports). */
  linkObjects: CustomObject[];
  mirroredServices: MirroredServiceReport[];
  federatedServices: FederatedServiceReport[];
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * A mirror Service: `mirror.linkerd.io/mirrored-service=true` with `mirror.linkerd.io/cluster-name`
 * (linkerd2 `multicluster/service-mirror/cluster_watcher.go` `getMirrorServiceLabels`), named
 * `<svc>-<target>` (`mirrorServiceName`); a remote-discovery mirror also carries
 * `multicluster.linkerd.io/remote-discovery` and `…/remote-service`.
 */
export function mirroredServiceOf(s: Service): MirroredServiceReport | undefined {
  const l = s.metadata.labels ?? {};
  const target = l[MULTICLUSTER.clusterName];
  if (l[MULTICLUSTER.mirroredService] !== 'true' || !target) return undefined;
  const remoteDiscovery = Boolean(l[MULTICLUSTER.remoteDiscovery]);
  const suffix = `-${target}`;
  const fromName = s.metadata.name.endsWith(suffix) ? s.metadata.name.slice(0, -suffix.length) : s.metadata.name;
  const fq = s.metadata.annotations?.[MULTICLUSTER.remoteServiceFqName]?.split('.');
  return {
    namespace: s.metadata.namespace ?? 'default',
    name: s.metadata.name,
    targetCluster: target,
    targetService: `${fq?.[1] ?? s.metadata.namespace ?? 'default'}/${l[MULTICLUSTER.remoteService] ?? fq?.[0] ?? fromName}`,
    mode: remoteDiscovery ? 'remote-discovery' : 'gateway',
  };
}

/**
 * A federated Service: mirrored (`mirrored-service=true`) without a `cluster-name`, its members in
 * the `multicluster.linkerd.io/remote-discovery` (`svc@cluster,…`) and `…/local-discovery`
 * annotations (`cluster_watcher.go` `getFederatedServiceAnnotations`), named `<svc>-federated`.
 */
export function federatedServiceOf(s: Service): FederatedServiceReport | undefined {
  const l = s.metadata.labels ?? {};
  const a = s.metadata.annotations ?? {};
  if (l[MULTICLUSTER.mirroredService] !== 'true' || l[MULTICLUSTER.clusterName]) return undefined;
  const remote = a[MULTICLUSTER.remoteDiscoveryAnnotation];
  const local = a[MULTICLUSTER.localDiscoveryAnnotation];
  if (remote === undefined && local === undefined) return undefined;
  return {
    namespace: s.metadata.namespace ?? 'default',
    name: s.metadata.name,
    remoteMembers: (remote ?? '').split(',').map(m => m.trim()).filter(Boolean),
    localMember: str(local),
  };
}

/** A Link's spec (multicluster.linkerd.io `v1alpha3`; earlier versions share these fields). */
export function linkSpecOf(link: CustomObject, mirrors: MirroredServiceReport[]): LinkSpecReport {
  const s = link.spec ?? {};
  const target = str(s.targetClusterName) ?? link.metadata.name;
  const p = s.probeSpec ?? {};
  return {
    namespace: link.metadata.namespace ?? 'default',
    name: link.metadata.name,
    targetClusterName: target,
    gatewayAddress: str(s.gatewayAddress),
    gatewayPort: s.gatewayPort === undefined ? undefined : String(s.gatewayPort),
    gatewayIdentity: str(s.gatewayIdentity),
    probe: { path: str(p.path), port: p.port === undefined ? undefined : String(p.port), period: str(p.period), timeout: str(p.timeout), failureThreshold: p.failureThreshold === undefined ? undefined : String(p.failureThreshold) },
    selectors: { gateway: selectorText(s.selector), remoteDiscovery: selectorText(s.remoteDiscoverySelector), federated: selectorText(s.federatedServiceSelector) },
    mirroredServices: mirrors.filter(m => m.targetCluster === target).length,
  };
}

/** Links, mirror Services and federated Services of a cluster (none when the CRD is not served). */
export function clusterMulticluster(links: CustomObject[] | undefined, services: Service[]): ClusterMulticluster {
  const mirroredServices = services.flatMap(s => mirroredServiceOf(s) ?? []);
  return {
    links: (links ?? []).map(l => linkSpecOf(l, mirroredServices)),
    linkObjects: links ?? [],
    mirroredServices,
    federatedServices: services.flatMap(s => federatedServiceOf(s) ?? []),
  };
}
