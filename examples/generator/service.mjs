// A Service (ClusterIP, headless or MetalLB LoadBalancer) with its allocated IP and node ports.
import { metadata } from './metadata.mjs';
import { workloadLabels } from './podSpec.mjs';
import { SECOND } from './time.mjs';
import { clean } from './yaml.mjs';

export function buildService(C, namespace, s, w) {
  const created = s.created;
  const seed = `${namespace}/${s.name}`;
  const type = s.type ?? 'ClusterIP';
  const clusterIP = s.headless ? 'None' : s.clusterIP ?? C.serviceIp(seed);
  if (s.clusterIP) C.serviceIps.add(s.clusterIP);
  const ports = s.ports.map(([name, port, targetPort, protocol]) =>
    clean({
      name,
      nodePort:
        type === 'LoadBalancer'
          ? C.nodePort(`${seed}/${name}/${protocol}`)
          : undefined,
      port,
      protocol: protocol ?? 'TCP',
      targetPort: targetPort ?? port,
    }),
  );
  const lb = type === 'LoadBalancer';
  return C.add({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata({
      name: s.name,
      namespace,
      labels: s.labels ?? (w ? workloadLabels(w) : undefined),
      annotations: lb
        ? {
            'metallb.universe.tf/ip-allocated-from-pool': 'homelab-pool',
            'metallb.universe.tf/loadBalancerIPs': s.loadBalancerIP,
          }
        : s.annotations,
      created,
      modified: lb ? created + 2 * SECOND : created,
    }),
    spec: clean({
      allocateLoadBalancerNodePorts: lb ? true : undefined,
      clusterIP,
      clusterIPs: [clusterIP],
      externalTrafficPolicy: lb ? 'Cluster' : undefined,
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports,
      publishNotReadyAddresses: s.headless ? true : undefined,
      selector: s.selector ?? w?.selector,
      sessionAffinity: 'None',
      type,
    }),
    status: {
      loadBalancer: lb
        ? { ingress: [{ ip: s.loadBalancerIP, ipMode: 'VIP' }] }
        : {},
    },
  });
}
