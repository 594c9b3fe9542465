// Cluster-scoped objects: Nodes (from the model's node list) and Namespaces.
import { CONTAINERD_VERSION, K3S_VERSION, NODES } from '../model/nodes.mjs';
import { hashInt, makeUid, sha256 } from './ids.mjs';
import { metadata } from './metadata.mjs';
import { NOW, SECOND, iso } from './time.mjs';

export const NODE_BY_NAME = new Map(
  NODES.map((n, i) => [n.name, { ...n, index: i }]),
);
/** Where pods go when a workload names no nodes. */
export const AMD64_AGENTS = NODES.filter(
  n => n.role === 'agent' && n.arch === 'amd64',
).map(n => n.name);

export function nodeObject(n, index) {
  const created = Date.parse(n.joined);
  const server = n.role === 'server';
  const labels = {
    'beta.kubernetes.io/arch': n.arch,
    'beta.kubernetes.io/instance-type': 'k3s',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': n.arch,
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': 'k3s',
    'topology.kubernetes.io/zone': n.zone,
    ...(server
      ? {
          'node-role.kubernetes.io/control-plane': 'true',
          'node-role.kubernetes.io/etcd': 'true',
          'node-role.kubernetes.io/master': 'true',
        }
      : {}),
  };
  const heartbeat = NOW - (hashInt(`heartbeat:${n.name}`) % 240) * SECOND;
  const lastBoot = created; // no reboots: pods started since the nodes joined would otherwise show restarts
  const cond = (type, status, reason, message) => ({
    lastHeartbeatTime: iso(heartbeat),
    lastTransitionTime: iso(lastBoot + 30 * SECOND),
    message,
    reason,
    status,
    type,
  });
  const arm = n.arch === 'arm64';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: metadata({
      name: n.name,
      labels,
      annotations: {
        'alpha.kubernetes.io/provided-node-ip': n.ip,
        'flannel.alpha.coreos.com/backend-type': 'vxlan',
        'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
        'flannel.alpha.coreos.com/public-ip': n.ip,
        'k3s.io/hostname': n.name,
        'k3s.io/internal-ip': n.ip,
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      created,
      modified: heartbeat,
      uidSeed: `Node/${n.name}@${n.joined}`,
    }),
    spec: {
      podCIDR: `10.42.${index}.0/24`,
      podCIDRs: [`10.42.${index}.0/24`],
      providerID: `k3s://${n.name}`,
    },
    status: {
      addresses: [
        { address: n.ip, type: 'InternalIP' },
        { address: n.name, type: 'Hostname' },
      ],
      allocatable: {
        cpu: n.cpu,
        'ephemeral-storage': arm ? '121854238718' : '470673899427',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: `${n.memory.allocatableKi}Ki`,
        pods: '110',
      },
      capacity: {
        cpu: n.cpu,
        'ephemeral-storage': arm ? '125261328Ki' : '483835344Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: `${n.memory.capacityKi}Ki`,
        pods: '110',
      },
      conditions: [
        cond(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        cond(
          'DiskPressure',
          'False',
          'KubeletHasNoDiskPressure',
          'kubelet has no disk pressure',
        ),
        cond(
          'PIDPressure',
          'False',
          'KubeletHasSufficientPID',
          'kubelet has sufficient PID available',
        ),
        cond(
          'Ready',
          'True',
          'KubeletReady',
          'kubelet is posting ready status',
        ),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: n.arch,
        bootID: makeUid(`boot:${n.name}@${lastBoot}`),
        containerRuntimeVersion: CONTAINERD_VERSION,
        kernelVersion: arm ? '6.6.62+rpt-rpi-2712' : '6.8.0-49-generic',
        kubeProxyVersion: K3S_VERSION,
        kubeletVersion: K3S_VERSION,
        machineID: sha256(`machine:${n.name}`).slice(0, 32),
        operatingSystem: 'linux',
        osImage: arm ? 'Debian GNU/Linux 12 (bookworm)' : 'Ubuntu 24.04.1 LTS',
        systemUUID: makeUid(`system:${n.name}`),
      },
    },
  };
}

export function namespaceObject(
  name,
  created,
  { labels, annotations, modified } = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: metadata({
      name,
      labels: { 'kubernetes.io/metadata.name': name, ...labels },
      annotations,
      created,
      modified,
      uidSeed: `Namespace/${name}@${iso(created)}`,
    }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}
