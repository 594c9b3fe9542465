import { ClusterSnapshot, CustomObject, emptyClusterObjects, Service } from '../kube';

/** A Deployment `name` in `ns` with one Running pod labelled `app` and `backstage.io/kubernetes-id`. */
export function clusterWith(name: string, opts: { apps?: Array<{ ns: string; app: string; id: string }>; services?: Service[]; links?: CustomObject[]; externalWorkloads?: CustomObject[] }): ClusterSnapshot {
  const o = emptyClusterObjects();
  for (const { ns, app, id } of opts.apps ?? []) {
    const labels = { app, 'backstage.io/kubernetes-id': id };
    const template = { metadata: { labels }, spec: { containers: [{ name: app }] } };
    o.deployments.push({ kind: 'Deployment', metadata: { name: app, namespace: ns }, spec: { template } });
    o.replicaSets.push({ kind: 'ReplicaSet', metadata: { name: `${app}-1`, namespace: ns, ownerReferences: [{ kind: 'Deployment', name: app, controller: true }] }, spec: { template } });
    o.pods.push({ kind: 'Pod', metadata: { name: `${app}-1-a`, namespace: ns, labels, ownerReferences: [{ kind: 'ReplicaSet', name: `${app}-1`, controller: true }] }, spec: template.spec, status: { phase: 'Running' } });
  }
  o.services.push(...(opts.services ?? []));
  o.links = opts.links;
  o.externalWorkloads = opts.externalWorkloads;
  return { name, controlPlaneNamespace: 'linkerd', objects: o };
}

/** A Service with labels, annotations and a selector. */
export function service(ns: string, name: string, labels: Record<string, string> = {}, selector?: Record<string, string>, annotations?: Record<string, string>): Service {
  return { kind: 'Service', metadata: { name, namespace: ns, labels, annotations }, spec: { selector, ports: [{ port: 8080 }] } };
}

/** A Link as `linkerd multicluster link --cluster-name <target>` writes it (v1alpha3). */
export function link(target: string, spec: Record<string, unknown> = {}): CustomObject {
  return {
    apiVersion: 'multicluster.linkerd.io/v1alpha3',
    kind: 'Link',
    metadata: { name: target, namespace: 'linkerd-multicluster' },
    spec: {
      targetClusterName: target,
      targetClusterDomain: 'cluster.local',
      targetClusterLinkerdNamespace: 'linkerd',
      clusterCredentialsSecret: `cluster-credentials-${target}`,
      gatewayAddress: '203.0.113.10',
      gatewayPort: '4143',
      gatewayIdentity: 'linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.cluster.local',
      probeSpec: { path: '/ready', port: '4191', period: '3s', timeout: '30s', failureThreshold: '3' },
      selector: { matchLabels: { 'mirror.linkerd.io/exported': 'true' } },
      remoteDiscoverySelector: { matchLabels: { 'mirror.linkerd.io/exported': 'remote-discovery' } },
      federatedServiceSelector: { matchLabels: { 'mirror.linkerd.io/federated': 'member' } },
      ...spec,
    },
  };
}
