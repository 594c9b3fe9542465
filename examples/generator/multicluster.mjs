// The Link, its mirror Services and the ExternalWorkloads of homelab-meshed (model/multicluster.mjs),
// built last so that their Service IPs shift nothing else.
import {
  EXTERNAL_WORKLOADS,
  LINK,
  MIRRORED,
  MULTICLUSTER_INSTALLED_AT,
  MULTICLUSTER_NS,
} from '../model/multicluster.mjs';
import { metadata } from './metadata.mjs';
import { buildService } from './service.mjs';
import { iso } from './time.mjs';

export function buildMulticluster(C, ns) {
  ns(MULTICLUSTER_NS, MULTICLUSTER_INSTALLED_AT, {
    labels: { 'linkerd.io/extension': 'multicluster' },
    annotations: { 'linkerd.io/inject': 'enabled' },
  });
  const created = Date.parse(LINK.created);
  C.add({
    apiVersion: 'multicluster.linkerd.io/v1alpha3',
    kind: 'Link',
    metadata: metadata({ name: LINK.name, namespace: MULTICLUSTER_NS, labels: { 'linkerd.io/extension': 'multicluster' }, created, generation: 1 }),
    spec: {
      clusterCredentialsSecret: `cluster-credentials-${LINK.targetClusterName}`,
      excludedAnnotations: [],
      excludedLabels: [],
      federatedServiceSelector: { matchLabels: { 'mirror.linkerd.io/federated': 'member' } },
      gatewayAddress: LINK.gatewayAddress,
      gatewayIdentity: LINK.gatewayIdentity,
      gatewayPort: LINK.gatewayPort,
      probeSpec: LINK.probe,
      remoteDiscoverySelector: { matchLabels: { 'mirror.linkerd.io/exported': 'remote-discovery' } },
      selector: { matchLabels: { 'mirror.linkerd.io/exported': 'true' } },
      targetClusterDomain: LINK.targetClusterDomain,
      targetClusterLinkerdNamespace: 'linkerd',
      targetClusterName: LINK.targetClusterName,
    },
  });
  for (const m of MIRRORED) {
    buildService(C, m.namespace, {
      name: `${m.name}-${LINK.targetClusterName}`,
      created: Date.parse(m.created),
      // No selector: the service mirror writes the Endpoints (the gateway's address).
      labels: { 'mirror.linkerd.io/cluster-name': LINK.targetClusterName, 'mirror.linkerd.io/mirrored-service': 'true' },
      annotations: {
        'mirror.linkerd.io/remote-resource-version': m.remoteResourceVersion,
        'mirror.linkerd.io/remote-svc-fq-name': `${m.name}.${m.namespace}.svc.${LINK.targetClusterDomain}`,
      },
      ports: [['http', m.port]],
    });
  }
  for (const e of EXTERNAL_WORKLOADS) {
    const at = Date.parse(e.readySince);
    C.add({
      apiVersion: 'workload.linkerd.io/v1beta1',
      kind: 'ExternalWorkload',
      metadata: metadata({ name: e.name, namespace: e.namespace, labels: e.labels, created: Date.parse(e.created), generation: 1, modified: at }),
      spec: {
        meshTLS: { identity: e.identity, serverName: e.serverName },
        ports: e.ports.map(p => ({ name: p.name, port: p.port, protocol: 'TCP' })),
        workloadIPs: [{ ip: e.ip }],
      },
      status: { conditions: [{ lastProbeTime: iso(at), lastTransitionTime: iso(at), message: 'workload is ready', reason: 'Ready', status: 'True', type: 'Ready' }] },
    });
  }
}
