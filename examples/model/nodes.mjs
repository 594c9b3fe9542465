/**
 * The homelab's k3s nodes: 3 servers (control plane + etcd), 4 amd64 agents and 1 arm64 agent
 * (a Raspberry Pi 5) that joined later. Pods are spread over the amd64 agents unless a workload
 * names its nodes. The nodes sit in two racks on separate switches, labelled as two zones
 * (`topology.kubernetes.io/zone`), which Linkerd's destination controller reports as
 * `dst_zone` / `dst_zone_locality` on outbound metrics.
 */

export const K3S_VERSION = 'v1.31.4+k3s1';
export const CONTAINERD_VERSION = 'containerd://1.7.23-k3s2';
/** The first server's join: the cluster's birth (built-in namespaces, kube-system). */
export const CLUSTER_BIRTH = '2025-09-14T10:21:37Z';

const SERVER_MEMORY = { capacityKi: 16030720, allocatableKi: 15928320 }; // ~15.2 GiB allocatable
const AGENT_MEMORY = { capacityKi: 20549632, allocatableKi: 20447232 }; // 19.5 GiB allocatable (~20.9 GB)
const ARM_MEMORY = { capacityKi: 8491008, allocatableKi: 8388608 }; // 8 GiB allocatable

export const NODES = [
  {
    name: 'k3s-server-1',
    zone: 'rack-a',
    role: 'server',
    arch: 'amd64',
    ip: '192.168.10.11',
    joined: CLUSTER_BIRTH,
    cpu: '4',
    memory: SERVER_MEMORY,
  },
  {
    name: 'k3s-server-2',
    zone: 'rack-a',
    role: 'server',
    arch: 'amd64',
    ip: '192.168.10.12',
    joined: '2025-09-14T10:34:02Z',
    cpu: '4',
    memory: SERVER_MEMORY,
  },
  {
    name: 'k3s-server-3',
    zone: 'rack-b',
    role: 'server',
    arch: 'amd64',
    ip: '192.168.10.13',
    joined: '2025-09-14T10:41:55Z',
    cpu: '4',
    memory: SERVER_MEMORY,
  },
  {
    name: 'k3s-agent-1',
    zone: 'rack-a',
    role: 'agent',
    arch: 'amd64',
    ip: '192.168.10.21',
    joined: '2025-09-14T11:05:19Z',
    cpu: '8',
    memory: AGENT_MEMORY,
  },
  {
    name: 'k3s-agent-2',
    zone: 'rack-a',
    role: 'agent',
    arch: 'amd64',
    ip: '192.168.10.22',
    joined: '2025-09-14T11:07:48Z',
    cpu: '8',
    memory: AGENT_MEMORY,
  },
  {
    name: 'k3s-agent-3',
    zone: 'rack-b',
    role: 'agent',
    arch: 'amd64',
    ip: '192.168.10.23',
    joined: '2025-09-14T11:10:03Z',
    cpu: '8',
    memory: AGENT_MEMORY,
  },
  {
    name: 'k3s-agent-4',
    zone: 'rack-b',
    role: 'agent',
    arch: 'amd64',
    ip: '192.168.10.24',
    joined: '2025-09-14T11:12:40Z',
    cpu: '8',
    memory: AGENT_MEMORY,
  },
  {
    name: 'k3s-agent-arm-1',
    zone: 'rack-b',
    role: 'agent',
    arch: 'arm64',
    ip: '192.168.10.31',
    joined: '2026-03-02T18:44:09Z',
    cpu: '4',
    memory: ARM_MEMORY,
  },
];
