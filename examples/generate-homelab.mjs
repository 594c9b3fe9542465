#!/usr/bin/env node
/**
 * Generates the Meshlens demo snapshots of a homelab k3s cluster:
 *
 *   examples/homelab/         the cluster before Linkerd ("not yet" evaluation)
 *   examples/homelab-meshed/  the same cluster after adopting Linkerd edge-25.10.7 (2.19)
 *   examples/org.yaml         the Backstage group and user owning every entity
 *
 * Each snapshot directory holds `snapshot.yaml`, `cluster/**` (Kubernetes objects as
 * `kubectl get -o yaml` writes them: keys sorted, defaults filled in) and `catalog/*.yaml`
 * (Backstage entity descriptors).
 *
 * The output is a pure function of the model declared below: no clock, no randomness. uids,
 * pod-template hashes, pod name suffixes, IPs and container ids are derived from object names
 * with sha256, so running the script twice gives byte-identical files.
 *
 * Usage: node examples/generate-homelab.mjs
 */

import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, stringify } from 'yaml';

const EXAMPLES_DIR = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------

/** The snapshots' "now". */
const CAPTURED_AT = '2026-11-20T12:00:00Z';
const NOW = Date.parse(CAPTURED_AT);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const K3S_VERSION = 'v1.31.4+k3s1';
const CONTAINERD_VERSION = 'containerd://1.7.23-k3s2';
const CLUSTER_BIRTH = '2025-09-14T10:21:37Z';

const LINKERD_VERSION = 'edge-25.10.7';
const LINKERD_CRDS_CHART_VERSION = '2025.10.7';
const LINKERD_NS = 'linkerd';
const PROXY_IMAGE_NAME = 'cr.l5d.io/linkerd/proxy';
const PROXY_IMAGE = `${PROXY_IMAGE_NAME}:${LINKERD_VERSION}`;
const PROXY_INIT_IMAGE = 'cr.l5d.io/linkerd/proxy-init:v2.4.3';
const CLUSTER_NETWORKS =
  '10.0.0.0/8,100.64.0.0/10,172.16.0.0/12,192.168.0.0/16,fd00::/8';
/** Linkerd installed (CLI) on this day; the trust anchor below was issued just before. */
const LINKERD_INSTALLED_AT = '2026-11-17T09:20:14Z';
/** `linkerd.io/inject: enabled` set on auto-brand, then `kubectl rollout restart` of its workloads. */
const AUTO_BRAND_RESTART_AT = '2026-11-18T10:02:00Z';

/**
 * Linkerd trust anchor: a real self-signed ECDSA P-256 CA certificate (CN root.linkerd.cluster.local,
 * valid 2026-11-17T09:00:00Z .. 2027-11-17T09:00:00Z, basicConstraints critical CA:TRUE). It was
 * created once with openssl and its private key thrown away; it is only ever read, never used to sign.
 */
const TRUST_ANCHORS_PEM = `-----BEGIN CERTIFICATE-----
MIIBizCCATCgAwIBAgIQfw24G54n320RO0titFaUQzAKBggqhkjOPQQDAjAlMSMw
IQYDVQQDDBpyb290LmxpbmtlcmQuY2x1c3Rlci5sb2NhbDAeFw0yNjExMTcwOTAw
MDBaFw0yNzExMTcwOTAwMDBaMCUxIzAhBgNVBAMMGnJvb3QubGlua2VyZC5jbHVz
dGVyLmxvY2FsMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEUW0g6g1Tky1le7/m
DgrI2i2Og5fTLe7uULKjuNSCJv/c+EbauSf/2Bwm9LUWDeY8WhCrJnYpGEzwvbSG
WGg2wqNCMEAwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAQYwHQYDVR0O
BBYEFMWByg01/l8NxNtsq0rRN7tg11Y1MAoGCCqGSM49BAMCA0kAMEYCIQDnnydD
1QkhtX7FTqUoryRg9WELRaDNR38feodJO76PlAIhANS8aNB1aJCysKK++mEGMpaW
Ce1gBXWulDWkQJRKVz8h
-----END CERTIFICATE-----
`;
/** What the injector writes in `linkerd.io/trust-root-sha256`: sha256 of the PEM text above. */
const TRUST_ROOT_SHA256 = sha256(TRUST_ANCHORS_PEM);

const CATALOG_OWNER = 'group:default/homelab-ops';

// ---------------------------------------------------------------------------------------------
// Deterministic helpers
// ---------------------------------------------------------------------------------------------

function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}

function hashInt(text) {
  return parseInt(sha256(text).slice(0, 8), 16);
}

/** A v4-shaped uid derived from a seed. */
function makeUid(seed) {
  const h = sha256(`uid:${seed}`);
  const variant = '89ab'[parseInt(h[16], 16) % 4];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(
    13,
    16,
  )}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Kubernetes' `rand.SafeEncodeString` alphabet. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** `pod-template-hash` / `controller-revision-hash` the way Kubernetes renders them: SafeEncodeString(uint32 as decimal). */
function templateHash(template) {
  const n = hashInt(`template:${JSON.stringify(template)}`);
  return [...String(n)]
    .map(c => ALPHANUMS[c.charCodeAt(0) % ALPHANUMS.length])
    .join('');
}

/** A random-looking name suffix (ReplicaSet/DaemonSet/Job pods), derived from a seed. */
function nameSuffix(seed, length = 5) {
  const bytes = createHash('sha256').update(`suffix:${seed}`).digest();
  return [...bytes.subarray(0, length)]
    .map(b => ALPHANUMS[b % ALPHANUMS.length])
    .join('');
}

function iso(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A point in time: a number is "days before capturedAt", shifted back by up to ~9 hours derived
 * from the seed (so not everything happens at noon); a string is an ISO timestamp.
 */
function when(spec, seed) {
  if (typeof spec === 'string') return Date.parse(spec);
  const jitter =
    (hashInt(`jitter:${seed}`) % (9 * 60)) * MINUTE +
    (hashInt(`sec:${seed}`) % 60) * SECOND;
  return NOW - spec * DAY - jitter;
}

/** resourceVersion: grows with the object's last modification, like etcd revisions do. */
function resourceVersion(lastModified, seed) {
  const seconds = Math.floor(
    (lastModified - Date.parse(CLUSTER_BIRTH)) / SECOND,
  );
  return String(1200 + seconds * 10 + (hashInt(`rv:${seed}`) % 10));
}

/** Drops undefined values, recursively. */
function clean(value) {
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value))
      if (v !== undefined) out[k] = clean(v);
    return out;
  }
  return value;
}

/** Sorts map keys, recursively (kubectl's JSON → YAML conversion does the same). */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k]);
    return out;
  }
  return value;
}

function nonEmpty(obj) {
  return obj && Object.keys(obj).length > 0 ? obj : undefined;
}

/** YAML 1.1 style output (quotes "yes", "on", timestamps...) with kubectl's unindented sequences. */
const YAML_OPTIONS = {
  version: '1.1',
  indentSeq: false,
  lineWidth: 0,
  blockQuote: 'literal',
  singleQuote: false,
};

function toYaml(value) {
  return stringify(value, YAML_OPTIONS);
}

/**
 * Hand-written style for the catalog, org and snapshot files: indented sequences and single
 * quotes, the repository's Prettier style (the cluster files keep kubectl's style instead).
 */
const AUTHORED_YAML_OPTIONS = {
  version: '1.1',
  indentSeq: true,
  lineWidth: 0,
  blockQuote: 'literal',
  singleQuote: true,
};

function toAuthoredYaml(value) {
  return stringify(value, AUTHORED_YAML_OPTIONS);
}

// ---------------------------------------------------------------------------------------------
// Declared model: nodes
// ---------------------------------------------------------------------------------------------

const SERVER_MEMORY = { capacityKi: 16030720, allocatableKi: 15928320 }; // ~15.2 GiB allocatable
const AGENT_MEMORY = { capacityKi: 20549632, allocatableKi: 20447232 }; // 19.5 GiB allocatable (~20.9 GB)
const ARM_MEMORY = { capacityKi: 8491008, allocatableKi: 8388608 }; // 8 GiB allocatable

const NODES = [
  {
    name: 'k3s-server-1',
    role: 'server',
    arch: 'amd64',
    ip: '192.168.10.11',
    joined: CLUSTER_BIRTH,
    cpu: '4',
    memory: SERVER_MEMORY,
  },
  {
    name: 'k3s-server-2',
    role: 'server',
    arch: 'amd64',
    ip: '192.168.10.12',
    joined: '2025-09-14T10:34:02Z',
    cpu: '4',
    memory: SERVER_MEMORY,
  },
  {
    name: 'k3s-server-3',
    role: 'server',
    arch: 'amd64',
    ip: '192.168.10.13',
    joined: '2025-09-14T10:41:55Z',
    cpu: '4',
    memory: SERVER_MEMORY,
  },
  {
    name: 'k3s-agent-1',
    role: 'agent',
    arch: 'amd64',
    ip: '192.168.10.21',
    joined: '2025-09-14T11:05:19Z',
    cpu: '8',
    memory: AGENT_MEMORY,
  },
  {
    name: 'k3s-agent-2',
    role: 'agent',
    arch: 'amd64',
    ip: '192.168.10.22',
    joined: '2025-09-14T11:07:48Z',
    cpu: '8',
    memory: AGENT_MEMORY,
  },
  {
    name: 'k3s-agent-3',
    role: 'agent',
    arch: 'amd64',
    ip: '192.168.10.23',
    joined: '2025-09-14T11:10:03Z',
    cpu: '8',
    memory: AGENT_MEMORY,
  },
  {
    name: 'k3s-agent-4',
    role: 'agent',
    arch: 'amd64',
    ip: '192.168.10.24',
    joined: '2025-09-14T11:12:40Z',
    cpu: '8',
    memory: AGENT_MEMORY,
  },
  {
    name: 'k3s-agent-arm-1',
    role: 'agent',
    arch: 'arm64',
    ip: '192.168.10.31',
    joined: '2026-03-02T18:44:09Z',
    cpu: '4',
    memory: ARM_MEMORY,
  },
];
const NODE_BY_NAME = new Map(NODES.map((n, i) => [n.name, { ...n, index: i }]));
const AMD64_AGENTS = NODES.filter(
  n => n.role === 'agent' && n.arch === 'amd64',
).map(n => n.name);

// ---------------------------------------------------------------------------------------------
// Declared model: workloads
// ---------------------------------------------------------------------------------------------
//
// A workload spec:
//   kind        Deployment | StatefulSet | DaemonSet
//   name        object name;  entity: the catalog entity (label backstage.io/kubernetes-id)
//   labels      extra labels on the workload, its template and pods; selector: the selector labels
//   replicas    desired pods (not for DaemonSets)
//   history     [[when, version], ...]: Deployment ReplicaSets / StatefulSet & DaemonSet revisions,
//               oldest first, the last is current. `when` is days before capturedAt or an ISO time.
//   image       image repository (the version is the tag) or a function version -> image
//   container   { name, ports: [[name, port, protocol?]], env: [[name, value]], args, command,
//                 resources: [cpuRequest, memoryRequest, memoryLimit?], volumeMounts }
//   podAnnotations annotations of the pod template (e.g. prometheus.io/scrape)
//   pod         extra pod spec fields (hostNetwork, serviceAccountName, priorityClassName, volumes...)
//   nodes       node names for replicas / ordinals (default: spread over the amd64 agents by hash)
//   services    [{ name, ports: [[name, port, targetPort?, protocol?]], type, loadBalancerIP, headless }]
//   volumeClaim { name, size, mountPath } for StatefulSets

/** PostgreSQL StatefulSet + Service used by apps and auto-brand. */
function postgres({
  app,
  database,
  partOf,
  created,
  image = 'postgres:16.4-alpine',
  node,
  size = '10Gi',
  mem = '256Mi',
}) {
  const name = `${app}-postgres`;
  return {
    kind: 'StatefulSet',
    name,
    entity: name,
    labels: {
      'app.kubernetes.io/name': 'postgresql',
      'app.kubernetes.io/instance': name,
      'app.kubernetes.io/component': 'database',
      'app.kubernetes.io/part-of': partOf,
    },
    selector: {
      'app.kubernetes.io/name': 'postgresql',
      'app.kubernetes.io/instance': name,
    },
    replicas: 1,
    history: [[created, image.split(':')[1]]],
    image: image.split(':')[0],
    container: {
      name: 'postgres',
      ports: [['tcp-postgresql', 5432]],
      env: [
        ['POSTGRES_DB', database],
        ['POSTGRES_USER', database],
        [
          'POSTGRES_PASSWORD',
          { secretKeyRef: { key: 'password', name: `${name}-credentials` } },
        ],
        ['PGDATA', '/var/lib/postgresql/data/pgdata'],
      ],
      resources: ['50m', mem, '1Gi'],
    },
    volumeClaim: { name: 'data', size, mountPath: '/var/lib/postgresql/data' },
    serviceName: name,
    nodes: node ? [node] : undefined,
    services: [{ name, ports: [['tcp-postgresql', 5432, 'tcp-postgresql']] }],
  };
}

const KUBE_SYSTEM = {
  name: 'kube-system',
  created: CLUSTER_BIRTH,
  workloads: [
    {
      kind: 'Deployment',
      name: 'coredns',
      entity: 'coredns',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS' },
      selector: { 'k8s-app': 'kube-dns' },
      replicas: 1,
      history: [['2025-09-14T10:22:04Z', '1.12.0']],
      image: 'rancher/mirrored-coredns-coredns',
      container: {
        name: 'coredns',
        args: ['-conf', '/etc/coredns/Corefile'],
        ports: [
          ['dns', 53, 'UDP'],
          ['dns-tcp', 53, 'TCP'],
          ['metrics', 9153, 'TCP'],
        ],
        resources: ['100m', '70Mi', '170Mi'],
      },
      pod: {
        serviceAccountName: 'coredns',
        priorityClassName: 'system-cluster-critical',
      },
      nodes: ['k3s-server-1'],
      services: [
        {
          name: 'kube-dns',
          clusterIP: '10.43.0.10',
          labels: {
            'k8s-app': 'kube-dns',
            'kubernetes.io/cluster-service': 'true',
            'kubernetes.io/name': 'CoreDNS',
          },
          ports: [
            ['dns', 53, 53, 'UDP'],
            ['dns-tcp', 53, 53, 'TCP'],
            ['metrics', 9153, 9153, 'TCP'],
          ],
        },
      ],
    },
    {
      kind: 'Deployment',
      name: 'traefik',
      entity: 'traefik',
      labels: {
        'app.kubernetes.io/instance': 'traefik-kube-system',
        'app.kubernetes.io/managed-by': 'Helm',
        'app.kubernetes.io/name': 'traefik',
        'app.kubernetes.io/part-of': 'homelab-platform',
        'helm.sh/chart': 'traefik-27.0.201_up27.0.2',
      },
      selector: {
        'app.kubernetes.io/instance': 'traefik-kube-system',
        'app.kubernetes.io/name': 'traefik',
      },
      replicas: 1,
      history: [['2025-09-14T10:23:41Z', '2.11.10']],
      image: 'rancher/mirrored-library-traefik',
      container: {
        name: 'traefik',
        args: [
          '--global.checknewversion',
          '--global.sendanonymoususage',
          '--entrypoints.metrics.address=:9100/tcp',
          '--entrypoints.traefik.address=:9000/tcp',
          '--entrypoints.web.address=:8000/tcp',
          '--entrypoints.websecure.address=:8443/tcp',
          '--api.dashboard=true',
          '--ping=true',
          '--metrics.prometheus=true',
          '--metrics.prometheus.entrypoint=metrics',
          '--providers.kubernetescrd',
          '--providers.kubernetesingress',
          '--entrypoints.websecure.http.tls=true',
        ],
        ports: [
          ['metrics', 9100],
          ['traefik', 9000],
          ['web', 8000],
          ['websecure', 8443],
        ],
        resources: ['100m', '128Mi', '512Mi'],
      },
      pod: {
        serviceAccountName: 'traefik',
        priorityClassName: 'system-cluster-critical',
      },
      nodes: ['k3s-server-2'],
      services: [
        {
          name: 'traefik',
          type: 'LoadBalancer',
          loadBalancerIP: '192.168.10.200',
          ports: [
            ['web', 80, 'web'],
            ['websecure', 443, 'websecure'],
          ],
        },
      ],
    },
  ],
};

const METALLB = {
  name: 'metallb-system',
  created: '2025-09-14T11:31:12Z',
  workloads: [
    {
      kind: 'Deployment',
      name: 'controller',
      entity: 'metallb',
      labels: {
        'app.kubernetes.io/name': 'metallb',
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/part-of': 'homelab-platform',
      },
      selector: {
        'app.kubernetes.io/name': 'metallb',
        'app.kubernetes.io/component': 'controller',
      },
      replicas: 1,
      history: [['2025-09-14T11:31:20Z', 'v0.14.8']],
      image: 'quay.io/metallb/controller',
      container: {
        name: 'controller',
        args: [
          '--port=7472',
          '--log-level=info',
          '--tls-min-version=VersionTLS12',
        ],
        ports: [
          ['monitoring', 7472],
          ['webhook-server', 9443],
        ],
        resources: ['10m', '64Mi'],
      },
      pod: { serviceAccountName: 'controller' },
      nodes: ['k3s-server-3'],
      services: [
        { name: 'metallb-webhook-service', ports: [[undefined, 443, 9443]] },
      ],
    },
    {
      kind: 'DaemonSet',
      name: 'speaker',
      entity: 'metallb',
      labels: {
        'app.kubernetes.io/name': 'metallb',
        'app.kubernetes.io/component': 'speaker',
        'app.kubernetes.io/part-of': 'homelab-platform',
      },
      selector: {
        'app.kubernetes.io/name': 'metallb',
        'app.kubernetes.io/component': 'speaker',
      },
      history: [['2025-09-14T11:31:20Z', 'v0.14.8']],
      image: 'quay.io/metallb/speaker',
      container: {
        name: 'speaker',
        args: ['--port=7472', '--log-level=info'],
        env: [
          ['METALLB_NODE_NAME', { fieldRef: { fieldPath: 'spec.nodeName' } }],
          ['METALLB_HOST', { fieldRef: { fieldPath: 'status.hostIP' } }],
          ['METALLB_ML_BIND_ADDR', { fieldRef: { fieldPath: 'status.podIP' } }],
          [
            'METALLB_ML_LABELS',
            'app.kubernetes.io/name=metallb,app.kubernetes.io/component=speaker',
          ],
        ],
        ports: [
          ['monitoring', 7472],
          ['memberlist-tcp', 7946, 'TCP'],
          ['memberlist-udp', 7946, 'UDP'],
        ],
        resources: ['10m', '64Mi'],
      },
      pod: {
        hostNetwork: true,
        serviceAccountName: 'speaker',
        tolerations: [
          {
            effect: 'NoSchedule',
            key: 'node-role.kubernetes.io/master',
            operator: 'Exists',
          },
          {
            effect: 'NoSchedule',
            key: 'node-role.kubernetes.io/control-plane',
            operator: 'Exists',
          },
        ],
      },
    },
  ],
};

const LONGHORN = {
  name: 'longhorn-system',
  created: '2025-09-14T12:02:47Z',
  workloads: [
    {
      kind: 'DaemonSet',
      name: 'longhorn-manager',
      entity: 'longhorn',
      labels: {
        app: 'longhorn-manager',
        'app.kubernetes.io/name': 'longhorn',
        'app.kubernetes.io/instance': 'longhorn',
        'app.kubernetes.io/part-of': 'homelab-platform',
      },
      selector: { app: 'longhorn-manager' },
      history: [['2025-09-14T12:03:05Z', 'v1.7.2']],
      image: 'longhornio/longhorn-manager',
      container: {
        name: 'longhorn-manager',
        command: [
          'longhorn-manager',
          '-d',
          'daemon',
          '--engine-image',
          'longhornio/longhorn-engine:v1.7.2',
          '--manager-image',
          'longhornio/longhorn-manager:v1.7.2',
          '--service-account',
          'longhorn-service-account',
        ],
        env: [
          ['POD_NAME', { fieldRef: { fieldPath: 'metadata.name' } }],
          ['POD_NAMESPACE', { fieldRef: { fieldPath: 'metadata.namespace' } }],
          ['POD_IP', { fieldRef: { fieldPath: 'status.podIP' } }],
          ['NODE_NAME', { fieldRef: { fieldPath: 'spec.nodeName' } }],
        ],
        ports: [['manager', 9500]],
        resources: ['100m', '128Mi'],
      },
      pod: { serviceAccountName: 'longhorn-service-account' },
      services: [
        {
          name: 'longhorn-backend',
          selector: { app: 'longhorn-manager' },
          ports: [['manager', 9500, 'manager']],
        },
      ],
    },
    {
      kind: 'Deployment',
      name: 'longhorn-ui',
      entity: 'longhorn',
      labels: {
        app: 'longhorn-ui',
        'app.kubernetes.io/name': 'longhorn',
        'app.kubernetes.io/instance': 'longhorn',
        'app.kubernetes.io/part-of': 'homelab-platform',
      },
      selector: { app: 'longhorn-ui' },
      replicas: 2,
      history: [['2025-09-14T12:03:05Z', 'v1.7.2']],
      image: 'longhornio/longhorn-ui',
      container: {
        name: 'longhorn-ui',
        env: [
          ['LONGHORN_MANAGER_IP', 'http://longhorn-backend:9500'],
          ['LONGHORN_UI_PORT', '8000'],
        ],
        ports: [['http', 8000]],
        resources: ['10m', '32Mi'],
      },
      pod: { serviceAccountName: 'longhorn-ui-service-account' },
      nodes: ['k3s-agent-2', 'k3s-agent-3'],
      services: [
        {
          name: 'longhorn-frontend',
          selector: { app: 'longhorn-ui' },
          ports: [['http', 80, 'http']],
        },
      ],
    },
  ],
};

function certManagerDeployment(component, image, ports, node, args) {
  const name =
    component === 'controller' ? 'cert-manager' : `cert-manager-${component}`;
  const appName = component === 'controller' ? 'cert-manager' : component;
  return {
    kind: 'Deployment',
    name,
    entity: 'cert-manager',
    labels: {
      app: appName,
      'app.kubernetes.io/component': component,
      'app.kubernetes.io/instance': 'cert-manager',
      'app.kubernetes.io/name': appName,
      'app.kubernetes.io/part-of': 'homelab-platform',
    },
    selector: {
      'app.kubernetes.io/component': component,
      'app.kubernetes.io/instance': 'cert-manager',
      'app.kubernetes.io/name': appName,
    },
    replicas: 1,
    history: [['2025-09-15T19:48:30Z', 'v1.16.2']],
    image,
    container: {
      name: `cert-manager-${component}`,
      args,
      env: [
        ['POD_NAMESPACE', { fieldRef: { fieldPath: 'metadata.namespace' } }],
      ],
      ports,
      resources: ['10m', '64Mi'],
    },
    pod: { serviceAccountName: name },
    nodes: [node],
  };
}

const CERT_MANAGER = {
  name: 'cert-manager',
  created: '2025-09-15T19:48:22Z',
  workloads: [
    {
      ...certManagerDeployment(
        'controller',
        'quay.io/jetstack/cert-manager-controller',
        [
          ['http-metrics', 9402],
          ['http-healthz', 9403],
        ],
        'k3s-server-1',
        [
          '--v=2',
          '--cluster-resource-namespace=$(POD_NAMESPACE)',
          '--leader-election-namespace=kube-system',
          '--acme-http01-solver-image=quay.io/jetstack/cert-manager-acmesolver:v1.16.2',
          '--max-concurrent-challenges=60',
        ],
      ),
      services: [
        {
          name: 'cert-manager',
          ports: [['tcp-prometheus-servicemonitor', 9402, 'http-metrics']],
        },
      ],
    },
    {
      ...certManagerDeployment(
        'webhook',
        'quay.io/jetstack/cert-manager-webhook',
        [
          ['https', 10250],
          ['healthcheck', 6080],
          ['http-metrics', 9402],
        ],
        'k3s-server-2',
        [
          '--v=2',
          '--secure-port=10250',
          '--dynamic-serving-ca-secret-namespace=$(POD_NAMESPACE)',
          '--dynamic-serving-ca-secret-name=cert-manager-webhook-ca',
          '--dynamic-serving-dns-names=cert-manager-webhook,cert-manager-webhook.$(POD_NAMESPACE),cert-manager-webhook.$(POD_NAMESPACE).svc',
        ],
      ),
      services: [
        {
          name: 'cert-manager-webhook',
          ports: [
            ['https', 443, 'https'],
            ['metrics', 9402, 'http-metrics'],
          ],
        },
      ],
    },
    certManagerDeployment(
      'cainjector',
      'quay.io/jetstack/cert-manager-cainjector',
      [['http-metrics', 9402]],
      'k3s-server-3',
      ['--v=2', '--leader-election-namespace=kube-system'],
    ),
  ],
};

const MONITORING = {
  name: 'monitoring',
  created: '2026-09-23T20:11:05Z',
  workloads: [
    {
      kind: 'StatefulSet',
      name: 'prometheus',
      entity: 'prometheus',
      labels: {
        'app.kubernetes.io/name': 'prometheus',
        'app.kubernetes.io/instance': 'prometheus',
        'app.kubernetes.io/part-of': 'homelab-platform',
      },
      selector: {
        'app.kubernetes.io/name': 'prometheus',
        'app.kubernetes.io/instance': 'prometheus',
      },
      replicas: 1,
      history: [
        ['2026-09-23T20:11:31Z', 'v2.55.0'],
        [37, 'v2.55.1'],
      ],
      image: 'quay.io/prometheus/prometheus',
      container: {
        name: 'prometheus',
        args: [
          '--config.file=/etc/prometheus/prometheus.yml',
          '--storage.tsdb.path=/prometheus',
          '--storage.tsdb.retention.time=30d',
          '--web.enable-lifecycle',
        ],
        ports: [['web', 9090]],
        resources: ['200m', '1536Mi', '3Gi'],
      },
      // The monitoring stack scrapes itself: request metrics exist without a mesh.
      podAnnotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' },
      pod: { serviceAccountName: 'prometheus' },
      volumeClaim: {
        name: 'prometheus-data',
        size: '50Gi',
        mountPath: '/prometheus',
      },
      serviceName: 'prometheus',
      nodes: ['k3s-agent-1'],
      services: [{ name: 'prometheus', ports: [['web', 9090, 'web']] }],
    },
    {
      kind: 'StatefulSet',
      name: 'loki',
      entity: 'loki',
      labels: {
        'app.kubernetes.io/name': 'loki',
        'app.kubernetes.io/instance': 'loki',
        'app.kubernetes.io/component': 'single-binary',
        'app.kubernetes.io/part-of': 'homelab-platform',
      },
      selector: {
        'app.kubernetes.io/name': 'loki',
        'app.kubernetes.io/instance': 'loki',
        'app.kubernetes.io/component': 'single-binary',
      },
      replicas: 1,
      history: [['2026-09-23T20:14:02Z', '3.3.0']],
      image: 'grafana/loki',
      container: {
        name: 'loki',
        args: ['-config.file=/etc/loki/config/config.yaml', '-target=all'],
        ports: [
          ['http-metrics', 3100],
          ['grpc', 9095],
        ],
        resources: ['100m', '512Mi', '2Gi'],
      },
      // The monitoring stack scrapes itself: request metrics exist without a mesh.
      podAnnotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '3100' },
      pod: { serviceAccountName: 'loki' },
      volumeClaim: { name: 'storage', size: '50Gi', mountPath: '/var/loki' },
      serviceName: 'loki-headless',
      nodes: ['k3s-agent-3'],
      services: [
        {
          name: 'loki',
          ports: [
            ['http-metrics', 3100, 'http-metrics'],
            ['grpc', 9095, 'grpc'],
          ],
        },
      ],
    },
    {
      kind: 'Deployment',
      name: 'grafana',
      entity: 'grafana',
      labels: {
        'app.kubernetes.io/name': 'grafana',
        'app.kubernetes.io/instance': 'grafana',
        'app.kubernetes.io/part-of': 'homelab-platform',
      },
      selector: {
        'app.kubernetes.io/name': 'grafana',
        'app.kubernetes.io/instance': 'grafana',
      },
      replicas: 1,
      history: [
        ['2026-09-23T20:16:47Z', '11.2.2'],
        [34, '11.3.0'],
        [12, '11.3.1'],
      ],
      image: 'grafana/grafana',
      container: {
        name: 'grafana',
        env: [
          ['GF_PATHS_DATA', '/var/lib/grafana/'],
          ['GF_PATHS_PROVISIONING', '/etc/grafana/provisioning'],
          ['GF_SERVER_ROOT_URL', 'https://grafana.home.arpa'],
        ],
        ports: [['grafana', 3000]],
        resources: ['50m', '256Mi', '512Mi'],
      },
      // The monitoring stack scrapes itself: request metrics exist without a mesh.
      podAnnotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '3000' },
      pod: { serviceAccountName: 'grafana' },
      nodes: ['k3s-agent-4'],
      services: [{ name: 'grafana', ports: [['service', 80, 'grafana']] }],
    },
  ],
};

/**
 * Self-hosted apps: one namespace each, Deployment + Service, and a PostgreSQL StatefulSet where
 * the app really uses one. `history` is the ReplicaSets (1–2), `node` where the pod runs.
 */
const APPS = [
  {
    name: 'nextcloud',
    image: 'nextcloud',
    history: [
      [44, '30.0.1-apache'],
      [11, '30.0.2-apache'],
    ],
    ports: [['http', 80]],
    pg: 'nextcloud',
    node: 'k3s-agent-1',
    mem: '512Mi',
    description: 'Files, calendars and contacts for the household.',
  },
  {
    name: 'immich',
    image: 'ghcr.io/immich-app/immich-server',
    history: [
      [38, 'v1.120.2'],
      [9, 'v1.121.0'],
    ],
    ports: [['http', 2283]],
    pg: 'immich',
    pgImage: 'tensorchord/pgvecto-rs:pg16-v0.2.0',
    node: 'k3s-agent-2',
    mem: '1Gi',
    description: 'Photo and video backup with face and object search.',
  },
  {
    name: 'gitea',
    image: 'gitea/gitea',
    history: [[212, '1.22.3']],
    ports: [
      ['http', 3000],
      ['ssh', 22],
    ],
    pg: 'gitea',
    node: 'k3s-agent-3',
    mem: '256Mi',
    description: 'Git hosting for the homelab configuration and side projects.',
  },
  {
    name: 'vaultwarden',
    image: 'vaultwarden/server',
    history: [
      [57, '1.32.4'],
      [20, '1.32.5'],
    ],
    ports: [['http', 80]],
    node: 'k3s-agent-4',
    mem: '64Mi',
    description: 'Bitwarden-compatible password manager.',
  },
  {
    name: 'paperless-ngx',
    image: 'ghcr.io/paperless-ngx/paperless-ngx',
    history: [[150, '2.13.5']],
    ports: [['http', 8000]],
    pg: 'paperless',
    node: 'k3s-agent-1',
    mem: '512Mi',
    description: 'Scanned document archive with OCR.',
  },
  {
    name: 'home-assistant',
    image: 'ghcr.io/home-assistant/home-assistant',
    history: [
      [35, '2024.11.2'],
      [6, '2024.11.3'],
    ],
    ports: [['http', 8123]],
    hostNetwork: true,
    node: 'k3s-agent-2',
    mem: '512Mi',
    description:
      'Home automation hub (host network for mDNS and device discovery).',
  },
  {
    name: 'jellyfin',
    image: 'jellyfin/jellyfin',
    history: [[97, '10.10.3']],
    ports: [
      ['http', 8096],
      ['dlna', 1900, 'UDP'],
      ['discovery', 7359, 'UDP'],
    ],
    servicePorts: [['http', 8096]],
    node: 'k3s-agent-3',
    mem: '1Gi',
    description: 'Media server for films and series.',
  },
  {
    name: 'adguard-home',
    image: 'adguard/adguardhome',
    history: [[260, 'v0.107.55']],
    ports: [
      ['dns-udp', 53, 'UDP'],
      ['dns-tcp', 53, 'TCP'],
      ['http', 3000],
    ],
    serviceType: 'LoadBalancer',
    loadBalancerIP: '192.168.10.53',
    node: 'k3s-agent-4',
    mem: '128Mi',
    description: 'Network-wide DNS with ad and tracker blocking.',
  },
  {
    name: 'miniflux',
    image: 'miniflux/miniflux',
    history: [
      [50, '2.2.2'],
      [17, '2.2.3'],
    ],
    ports: [['http', 8080]],
    pg: 'miniflux',
    node: 'k3s-agent-arm-1',
    mem: '64Mi',
    description: 'Minimalist feed reader.',
  },
  {
    name: 'freshrss',
    image: 'freshrss/freshrss',
    history: [[180, '1.24.3']],
    ports: [['http', 80]],
    node: 'k3s-agent-1',
    mem: '128Mi',
    description: 'Feed aggregator (kept for the family accounts).',
  },
  {
    name: 'uptime-kuma',
    image: 'louislam/uptime-kuma',
    history: [[300, '1.23.15']],
    ports: [['http', 3001]],
    node: 'k3s-agent-arm-1',
    mem: '128Mi',
    description: 'Uptime monitoring of the homelab services.',
  },
  {
    name: 'homepage',
    image: 'ghcr.io/gethomepage/homepage',
    history: [
      [31, 'v0.9.12'],
      [3, 'v0.9.13'],
    ],
    ports: [['http', 3000]],
    node: 'k3s-agent-arm-1',
    mem: '128Mi',
    description: 'Start page linking every homelab service.',
  },
  {
    name: 'syncthing',
    image: 'syncthing/syncthing',
    history: [[330, '1.28.1']],
    ports: [
      ['http', 8384],
      ['sync-tcp', 22000, 'TCP'],
      ['sync-udp', 22000, 'UDP'],
      ['discovery', 21027, 'UDP'],
    ],
    servicePorts: [['http', 8384]],
    extraServices: [
      {
        suffix: 'sync',
        type: 'LoadBalancer',
        loadBalancerIP: '192.168.10.202',
        ports: [
          ['sync-tcp', 22000, 'sync-tcp', 'TCP'],
          ['sync-udp', 22000, 'sync-udp', 'UDP'],
          ['discovery', 21027, 'discovery', 'UDP'],
        ],
      },
    ],
    node: 'k3s-agent-2',
    mem: '128Mi',
    description: 'Continuous file synchronisation between laptops and the NAS.',
  },
  {
    name: 'mealie',
    image: 'ghcr.io/mealie-recipes/mealie',
    history: [
      [42, 'v2.2.0'],
      [13, 'v2.3.0'],
    ],
    ports: [['http', 9000]],
    pg: 'mealie',
    node: 'k3s-agent-3',
    mem: '256Mi',
    description: 'Recipe manager and meal planner.',
  },
  {
    name: 'n8n',
    image: 'n8nio/n8n',
    history: [
      [53, '1.68.0'],
      [2, '1.70.1'],
    ],
    ports: [['http', 5678]],
    pg: 'n8n',
    node: 'k3s-agent-4',
    mem: '256Mi',
    description: 'Workflow automation.',
  },
  {
    name: 'linkding',
    image: 'sissbruecker/linkding',
    history: [[120, '1.36.0']],
    ports: [['http', 9090]],
    node: 'k3s-agent-arm-1',
    mem: '64Mi',
    description: 'Bookmark manager.',
  },
  {
    name: 'actual-budget',
    image: 'actualbudget/actual-server',
    history: [[75, '24.11.0']],
    ports: [['http', 5006]],
    node: 'k3s-agent-arm-1',
    mem: '128Mi',
    description: 'Envelope budgeting.',
  },
  {
    name: 'audiobookshelf',
    image: 'ghcr.io/advplyr/audiobookshelf',
    history: [
      [46, '2.17.1'],
      [15, '2.17.2'],
    ],
    ports: [['http', 80]],
    node: 'k3s-agent-1',
    mem: '128Mi',
    description: 'Audiobook and podcast server.',
  },
  {
    name: 'navidrome',
    image: 'deluan/navidrome',
    history: [[190, '0.53.3']],
    ports: [['http', 4533]],
    node: 'k3s-agent-arm-1',
    mem: '64Mi',
    description: 'Music streaming server.',
  },
  {
    name: 'wikijs',
    image: 'ghcr.io/requarks/wiki',
    history: [[240, '2.5.305']],
    ports: [['http', 3000]],
    pg: 'wikijs',
    node: 'k3s-agent-2',
    mem: '256Mi',
    description: 'Wiki with the homelab runbooks.',
  },
];

function appNamespace(app) {
  const installed = when(app.history[0][0], `${app.name}/installed`);
  const deployment = {
    kind: 'Deployment',
    name: app.name,
    entity: app.name,
    labels: {
      'app.kubernetes.io/name': app.name,
      'app.kubernetes.io/instance': app.name,
      'app.kubernetes.io/part-of': app.name,
      'app.kubernetes.io/component': 'server',
    },
    selector: {
      'app.kubernetes.io/name': app.name,
      'app.kubernetes.io/instance': app.name,
    },
    replicas: 1,
    history: app.history,
    image: app.image,
    container: {
      name: app.name,
      ports: app.ports,
      env: [
        ['TZ', 'Europe/Berlin'],
        ...(app.pg
          ? [
              ['DATABASE_HOST', `${app.name}-postgres.${app.name}.svc`],
              ['DATABASE_PORT', '5432'],
              ['DATABASE_NAME', app.pg],
            ]
          : []),
      ],
      resources: ['50m', app.mem, app.mem === '1Gi' ? '4Gi' : '2Gi'],
    },
    pod: {
      hostNetwork: app.hostNetwork || undefined,
      serviceAccountName: 'default',
    },
    nodes: [app.node],
    services: [
      {
        name: app.name,
        type: app.serviceType,
        loadBalancerIP: app.loadBalancerIP,
        ports: (app.servicePorts ?? app.ports).map(([n, port, protocol]) => [
          n,
          port,
          n,
          protocol,
        ]),
      },
      ...(app.extraServices ?? []).map(s => ({
        name: `${app.name}-${s.suffix}`,
        type: s.type,
        loadBalancerIP: s.loadBalancerIP,
        ports: s.ports,
      })),
    ],
  };
  const workloads = [deployment];
  if (app.pg) {
    // the database was created a few minutes before the app
    workloads.push(
      postgres({
        app: app.name,
        database: app.pg,
        partOf: app.name,
        created: iso(installed - 4 * MINUTE),
        image: app.pgImage,
      }),
    );
  }
  return {
    name: app.name,
    created: iso(installed - 6 * MINUTE),
    workloads,
    app,
  };
}

// --- auto-brand ---------------------------------------------------------------------------------

const AB_NS = 'auto-brand';
const AB_NS_CREATED = '2026-09-19T14:02:51Z';
const AB_IMAGE = name => `ghcr.io/homelab-ops/auto-brand/${name}`;

/** Where each call target is reached: env var name and URL. */
const AB_ENDPOINTS = {
  orchestrator: ['ORCHESTRATOR_URL', 'http://orchestrator.auto-brand.svc:8000'],
  'llm-service': ['LLM_URL', 'http://llm-service.auto-brand.svc:8001'],
  'video-service': ['VIDEO_URL', 'http://video-service.auto-brand.svc:8002'],
  publisher: ['PUBLISHER_URL', 'http://publisher.auto-brand.svc:8003'],
  experimentation: [
    'EXPERIMENTATION_URL',
    'http://experimentation.auto-brand.svc:8004',
  ],
  nats: ['NATS_URL', 'nats://nats.auto-brand.svc:4222'],
  'auto-brand-postgres': [
    'DATABASE_URL',
    'postgres://auto-brand-postgres.auto-brand.svc:5432/autobrand',
  ],
};
const AB_RESOURCES = new Set(['nats', 'auto-brand-postgres']);

/**
 * The auto-brand services. `mesh` says what happens in homelab-meshed: `restart` (rolled after the
 * namespace was annotated, pods injected) or `pending` (not restarted: old, un-injected pods).
 */
const AB_SERVICES = [
  {
    name: 'orchestrator',
    port: 8000,
    replicas: 2,
    component: 'api',
    mesh: 'restart',
    history: [
      [28, '2.3.0'],
      [23, '2.3.1'],
      [17, '2.4.0'],
      [12, '2.4.1'],
      [7, '2.5.0'],
      [4, '2.5.1'],
    ],
    calls: [
      'llm-service',
      'video-service',
      'publisher',
      'experimentation',
      'nats',
      'auto-brand-postgres',
    ],
    tags: ['python', 'fastapi', 'nats', 'postgres'],
    mem: '384Mi',
    description:
      'Drives a brand campaign end to end: asks for copy and video, schedules publishing, starts experiments.',
  },
  {
    name: 'llm-service',
    port: 8001,
    replicas: 1,
    component: 'worker',
    mesh: 'restart',
    history: [
      [33, '1.6.0'],
      [11, '1.7.0'],
      [5, '1.7.1'],
    ],
    calls: ['nats'],
    tags: ['python', 'nats', 'llm'],
    mem: '512Mi',
    description:
      'Generates brand copy with a language model; consumes and emits jobs over NATS.',
  },
  {
    name: 'video-service',
    port: 8002,
    replicas: 1,
    component: 'worker',
    mesh: 'restart',
    history: [
      [41, '0.9.3'],
      [6, '0.10.0'],
    ],
    calls: ['nats'],
    tags: ['python', 'ffmpeg', 'nats'],
    mem: '1Gi',
    description:
      'Renders short promotional videos from templates; works off NATS jobs.',
  },
  {
    name: 'publisher',
    port: 8003,
    replicas: 1,
    component: 'worker',
    mesh: 'restart',
    history: [
      [52, '1.2.0'],
      [19, '1.3.0'],
      [5, '1.3.1'],
    ],
    calls: ['nats'],
    tags: ['python', 'nats'],
    mem: '192Mi',
    description:
      'Publishes approved content to social networks; triggered over NATS.',
  },
  {
    name: 'experimentation',
    port: 8004,
    replicas: 1,
    component: 'api',
    mesh: 'pending',
    history: [
      [45, '0.4.0'],
      [8, '0.5.0'],
    ],
    calls: ['auto-brand-postgres'],
    tags: ['python', 'fastapi', 'postgres'],
    mem: '256Mi',
    description:
      'A/B tests of generated brand variants; assigns variants and records outcomes.',
  },
  {
    name: 'web-ui',
    port: 3000,
    replicas: 2,
    component: 'frontend',
    mesh: 'restart',
    website: true,
    history: [
      [26, '1.8.0'],
      [15, '1.9.0'],
      [9, '1.9.1'],
      [4, '1.10.0'],
    ],
    calls: ['orchestrator'],
    tags: ['typescript', 'nextjs'],
    mem: '256Mi',
    description: 'Web dashboard where campaigns are reviewed and approved.',
  },
];

const AB_ANALYTICS = {
  name: 'analytics',
  schedule: '0 * * * *',
  version: '1.4.2',
  created: '2026-10-01T16:40:12Z',
  calls: ['auto-brand-postgres', 'nats'],
  tags: ['python', 'cronjob', 'nats', 'postgres'],
  description:
    'Hourly roll-up of campaign and experiment metrics into the warehouse tables.',
};

function abEnv(calls) {
  return calls.map(target => AB_ENDPOINTS[target]);
}

function autoBrandWorkloads() {
  const deployments = AB_SERVICES.map(s => ({
    kind: 'Deployment',
    name: s.name,
    entity: s.name,
    labels: {
      'app.kubernetes.io/name': s.name,
      'app.kubernetes.io/part-of': 'auto-brand',
      'app.kubernetes.io/component': s.component,
    },
    selector: { 'app.kubernetes.io/name': s.name },
    replicas: s.replicas,
    history: s.history,
    image: AB_IMAGE(s.name),
    container: {
      name: s.name,
      ports: [['http', s.port]],
      env: [['PORT', String(s.port)], ['LOG_LEVEL', 'info'], ...abEnv(s.calls)],
      resources: ['100m', s.mem, s.mem === '1Gi' ? '3Gi' : '1Gi'],
    },
    pod: { serviceAccountName: s.name },
    services: [{ name: s.name, ports: [['http', s.port, 'http']] }],
    mesh: s.mesh,
  }));
  const nats = {
    kind: 'StatefulSet',
    name: 'nats',
    entity: 'nats',
    labels: {
      'app.kubernetes.io/name': 'nats',
      'app.kubernetes.io/instance': 'nats',
      'app.kubernetes.io/component': 'nats',
      'app.kubernetes.io/part-of': 'auto-brand',
    },
    selector: {
      'app.kubernetes.io/name': 'nats',
      'app.kubernetes.io/instance': 'nats',
      'app.kubernetes.io/component': 'nats',
    },
    replicas: 3,
    history: [
      ['2026-09-19T14:09:30Z', '2.10.21-alpine'],
      [40, '2.10.22-alpine'],
    ],
    image: 'nats',
    container: {
      name: 'nats',
      args: ['--config', '/etc/nats-config/nats.conf'],
      env: [
        ['POD_NAME', { fieldRef: { fieldPath: 'metadata.name' } }],
        ['SERVER_NAME', '$(POD_NAME)'],
      ],
      ports: [
        ['client', 4222],
        ['cluster', 6222],
        ['monitor', 8222],
      ],
      resources: ['50m', '128Mi', '1Gi'],
    },
    pod: { serviceAccountName: 'nats' },
    podManagementPolicy: 'Parallel',
    volumeClaim: { name: 'nats-js', size: '10Gi', mountPath: '/data' },
    serviceName: 'nats-headless',
    nodes: ['k3s-agent-1', 'k3s-agent-2', 'k3s-agent-3'],
    services: [
      {
        name: 'nats',
        ports: [
          ['client', 4222, 'client'],
          ['cluster', 6222, 'cluster'],
          ['monitor', 8222, 'monitor'],
        ],
      },
      {
        name: 'nats-headless',
        headless: true,
        ports: [
          ['client', 4222, 'client'],
          ['cluster', 6222, 'cluster'],
          ['monitor', 8222, 'monitor'],
        ],
      },
    ],
    mesh: 'restart',
  };
  const pg = {
    ...postgres({
      app: 'auto-brand',
      database: 'autobrand',
      partOf: 'auto-brand',
      created: '2026-09-19T14:08:02Z',
      node: 'k3s-agent-4',
      size: '20Gi',
      mem: '512Mi',
    }),
    mesh: 'restart',
  };
  // workloads left alone in homelab-meshed are built first so their pods get the same IPs in both snapshots
  const pending = deployments.filter(d => d.mesh === 'pending');
  return [
    ...pending,
    nats,
    pg,
    ...deployments.filter(d => d.mesh !== 'pending'),
  ];
}

// ---------------------------------------------------------------------------------------------
// Kubernetes object builders
// ---------------------------------------------------------------------------------------------

/** Per-snapshot state: allocators and the objects produced so far. */
class Cluster {
  constructor(name) {
    this.name = name;
    this.clusterScoped = [];
    /** namespace -> objects */
    this.namespaced = new Map();
    this.podHosts = new Map(NODES.map(n => [n.name, new Set()]));
    this.serviceIps = new Set(['10.43.0.1', '10.43.0.10']);
    this.nodePorts = new Set();
  }

  add(obj) {
    const ns = obj.metadata.namespace;
    if (!ns) {
      this.clusterScoped.push(obj);
      return obj;
    }
    if (!this.namespaced.has(ns)) this.namespaced.set(ns, []);
    this.namespaced.get(ns).push(obj);
    return obj;
  }

  podIp(nodeName, seed) {
    const node = NODE_BY_NAME.get(nodeName);
    const used = this.podHosts.get(nodeName);
    let host = 2 + (hashInt(`podip:${seed}`) % 250);
    while (used.has(host)) host = host >= 251 ? 2 : host + 1;
    used.add(host);
    return `10.42.${node.index}.${host}`;
  }

  serviceIp(seed) {
    let n = 256 + (hashInt(`svcip:${seed}`) % 65000);
    for (;;) {
      const ip = `10.43.${(n >> 8) & 255}.${n & 255}`;
      if ((n & 255) !== 0 && (n & 255) !== 255 && !this.serviceIps.has(ip)) {
        this.serviceIps.add(ip);
        return ip;
      }
      n += 1;
    }
  }

  nodePort(seed) {
    let p = 30000 + (hashInt(`nodeport:${seed}`) % 2768);
    while (this.nodePorts.has(p)) p = p >= 32767 ? 30000 : p + 1;
    this.nodePorts.add(p);
    return p;
  }
}

function metadata({
  name,
  namespace,
  labels,
  annotations,
  created,
  owner,
  uidSeed,
  generation,
  modified,
}) {
  const uid = makeUid(uidSeed ?? `${namespace ?? ''}/${name}@${iso(created)}`);
  return clean({
    annotations: nonEmpty(annotations),
    creationTimestamp: iso(created),
    generation,
    labels: nonEmpty(labels),
    name,
    namespace,
    ownerReferences: owner ? [ownerReference(owner)] : undefined,
    resourceVersion: resourceVersion(modified ?? created, uid),
    uid,
  });
}

function ownerReference(owner) {
  return {
    apiVersion: owner.apiVersion,
    blockOwnerDeletion: true,
    controller: true,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
  };
}

function envVar([name, value]) {
  if (value && typeof value === 'object') {
    if (value.fieldRef)
      return {
        name,
        valueFrom: { fieldRef: { apiVersion: 'v1', ...value.fieldRef } },
      };
    return { name, valueFrom: value };
  }
  return { name, value };
}

/** A container with the defaults the API server fills in. */
function container({
  name,
  image,
  ports,
  env,
  args,
  command,
  resources,
  volumeMounts,
  extra,
}) {
  const [cpu, memory, memoryLimit] = resources ?? [];
  return clean({
    args,
    command,
    env: env && env.length ? env.map(envVar) : undefined,
    image,
    imagePullPolicy: 'IfNotPresent',
    name,
    ports:
      ports && ports.length
        ? ports.map(([portName, containerPort, protocol]) =>
            clean({
              containerPort,
              name: portName,
              protocol: protocol ?? 'TCP',
            }),
          )
        : undefined,
    resources: resources
      ? clean({
          limits: memoryLimit ? { memory: memoryLimit } : undefined,
          requests: { cpu, memory },
        })
      : {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    volumeMounts,
    ...extra,
  });
}

/** Pod spec fields defaulted on templates and pods alike. */
function podSpecDefaults(spec) {
  return clean({
    dnsPolicy: spec.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    ...spec,
    serviceAccount: spec.serviceAccountName,
  });
}

const PRIORITY = {
  'system-cluster-critical': 2000000000,
  'system-node-critical': 2000001000,
};

/** Fields only pods carry (set by admission), given the template spec. */
function podOnlySpec(spec, { nodeName, daemonSet }) {
  const tolerations = daemonSet
    ? [
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
        },
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
        },
        {
          effect: 'NoSchedule',
          key: 'node.kubernetes.io/disk-pressure',
          operator: 'Exists',
        },
        {
          effect: 'NoSchedule',
          key: 'node.kubernetes.io/memory-pressure',
          operator: 'Exists',
        },
        {
          effect: 'NoSchedule',
          key: 'node.kubernetes.io/pid-pressure',
          operator: 'Exists',
        },
        {
          effect: 'NoSchedule',
          key: 'node.kubernetes.io/unschedulable',
          operator: 'Exists',
        },
        ...(spec.hostNetwork
          ? [
              {
                effect: 'NoSchedule',
                key: 'node.kubernetes.io/network-unavailable',
                operator: 'Exists',
              },
            ]
          : []),
      ]
    : [
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
      ];
  return clean({
    ...spec,
    affinity: daemonSet
      ? {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                {
                  matchFields: [
                    {
                      key: 'metadata.name',
                      operator: 'In',
                      values: [nodeName],
                    },
                  ],
                },
              ],
            },
          },
        }
      : spec.affinity,
    enableServiceLinks: true,
    nodeName,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: PRIORITY[spec.priorityClassName] ?? 0,
    // the ServiceAccount admission plugin fills these in on pods
    serviceAccount: spec.serviceAccountName ?? 'default',
    serviceAccountName: spec.serviceAccountName ?? 'default',
    tolerations: [...(spec.tolerations ?? []), ...tolerations],
  });
}

/** The pod template (metadata + defaulted spec) of a workload spec at a given version. */
function podTemplate(w, version, { annotations, extraLabels } = {}) {
  const image =
    typeof w.image === 'function' ? w.image(version) : `${w.image}:${version}`;
  const volumeMounts = w.volumeClaim
    ? [{ mountPath: w.volumeClaim.mountPath, name: w.volumeClaim.name }]
    : undefined;
  return {
    metadata: clean({
      annotations: nonEmpty({ ...w.podAnnotations, ...annotations }),
      creationTimestamp: null,
      labels: { ...workloadLabels(w), ...extraLabels },
    }),
    spec: podSpecDefaults({
      containers: [container({ ...w.container, image, volumeMounts })],
      ...w.pod,
    }),
  };
}

function workloadLabels(w) {
  return { ...w.labels, 'backstage.io/kubernetes-id': w.entity };
}

// --- Linkerd injection ------------------------------------------------------------------------

function proxyEnv(inboundPorts) {
  const env = [
    ['_pod_name', { fieldRef: { fieldPath: 'metadata.name' } }],
    ['_pod_ns', { fieldRef: { fieldPath: 'metadata.namespace' } }],
    ['_pod_nodeName', { fieldRef: { fieldPath: 'spec.nodeName' } }],
    ['_pod_containerName', 'linkerd-proxy'],
    [
      'LINKERD2_PROXY_LOG',
      'warn,linkerd=info,hickory=error,[{headers}]=off,[{request}]=off',
    ],
    ['LINKERD2_PROXY_LOG_FORMAT', 'plain'],
    [
      'LINKERD2_PROXY_DESTINATION_SVC_ADDR',
      'linkerd-dst-headless.linkerd.svc.cluster.local.:8086',
    ],
    ['LINKERD2_PROXY_DESTINATION_PROFILE_NETWORKS', CLUSTER_NETWORKS],
    [
      'LINKERD2_PROXY_POLICY_SVC_ADDR',
      'linkerd-policy.linkerd.svc.cluster.local.:8090',
    ],
    [
      'LINKERD2_PROXY_POLICY_WORKLOAD',
      '{"ns":"$(_pod_ns)", "pod":"$(_pod_name)"}\n',
    ],
    ['LINKERD2_PROXY_INBOUND_DEFAULT_POLICY', 'all-unauthenticated'],
    ['LINKERD2_PROXY_POLICY_CLUSTER_NETWORKS', CLUSTER_NETWORKS],
    ['LINKERD2_PROXY_CONTROL_LISTEN_ADDR', '0.0.0.0:4190'],
    ['LINKERD2_PROXY_ADMIN_LISTEN_ADDR', '0.0.0.0:4191'],
    ['LINKERD2_PROXY_OUTBOUND_LISTEN_ADDR', '127.0.0.1:4140'],
    ['LINKERD2_PROXY_OUTBOUND_LISTEN_ADDRS', '127.0.0.1:4140'],
    ['LINKERD2_PROXY_INBOUND_LISTEN_ADDR', '0.0.0.0:4143'],
    [
      'LINKERD2_PROXY_INBOUND_IPS',
      { fieldRef: { fieldPath: 'status.podIPs' } },
    ],
    ['LINKERD2_PROXY_INBOUND_PORTS', inboundPorts.join(',')],
    ['LINKERD2_PROXY_DESTINATION_PROFILE_SUFFIXES', 'svc.cluster.local.'],
    [
      'LINKERD2_PROXY_INBOUND_PORTS_DISABLE_PROTOCOL_DETECTION',
      '25,587,3306,4444,5432,6379,9300,11211',
    ],
    [
      'LINKERD2_PROXY_DESTINATION_CONTEXT',
      '{"ns":"$(_pod_ns)", "nodeName":"$(_pod_nodeName)", "pod":"$(_pod_name)"}\n',
    ],
    ['_pod_sa', { fieldRef: { fieldPath: 'spec.serviceAccountName' } }],
    ['_l5d_ns', LINKERD_NS],
    ['_l5d_trustdomain', 'cluster.local'],
    ['LINKERD2_PROXY_IDENTITY_DIR', '/var/run/linkerd/identity/end-entity'],
    ['LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS', TRUST_ANCHORS_PEM],
    [
      'LINKERD2_PROXY_IDENTITY_TOKEN_FILE',
      '/var/run/secrets/tokens/linkerd-identity-token',
    ],
    [
      'LINKERD2_PROXY_IDENTITY_SVC_ADDR',
      'linkerd-identity-headless.linkerd.svc.cluster.local.:8080',
    ],
    [
      'LINKERD2_PROXY_IDENTITY_LOCAL_NAME',
      '$(_pod_sa).$(_pod_ns).serviceaccount.identity.linkerd.cluster.local',
    ],
    [
      'LINKERD2_PROXY_IDENTITY_SVC_NAME',
      'linkerd-identity.linkerd.serviceaccount.identity.linkerd.cluster.local',
    ],
    [
      'LINKERD2_PROXY_DESTINATION_SVC_NAME',
      'linkerd-destination.linkerd.serviceaccount.identity.linkerd.cluster.local',
    ],
    [
      'LINKERD2_PROXY_POLICY_SVC_NAME',
      'linkerd-destination.linkerd.serviceaccount.identity.linkerd.cluster.local',
    ],
  ];
  return env;
}

function httpProbe(path, extra = {}) {
  return {
    failureThreshold: 3,
    httpGet: { path, port: 4191, scheme: 'HTTP' },
    periodSeconds: 10,
    successThreshold: 1,
    timeoutSeconds: 1,
    ...extra,
  };
}

function proxyContainer(inboundPorts, native) {
  return container({
    name: 'linkerd-proxy',
    image: PROXY_IMAGE,
    env: proxyEnv(inboundPorts),
    ports: [
      ['linkerd-proxy', 4143],
      ['linkerd-admin', 4191],
    ],
    volumeMounts: [
      {
        mountPath: '/var/run/linkerd/identity/end-entity',
        name: 'linkerd-identity-end-entity',
      },
      { mountPath: '/var/run/secrets/tokens', name: 'linkerd-identity-token' },
    ],
    extra: clean({
      lifecycle: native
        ? undefined
        : {
            postStart: {
              exec: {
                command: [
                  '/usr/lib/linkerd/linkerd-await',
                  '--timeout=2m',
                  '--port=4191',
                ],
              },
            },
          },
      livenessProbe: httpProbe('/live', { initialDelaySeconds: 10 }),
      readinessProbe: httpProbe('/ready', { initialDelaySeconds: 2 }),
      restartPolicy: native ? 'Always' : undefined,
      securityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        runAsUser: 2102,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      startupProbe: native
        ? {
            failureThreshold: 120,
            httpGet: { path: '/ready', port: 4191, scheme: 'HTTP' },
            periodSeconds: 1,
            successThreshold: 1,
            timeoutSeconds: 1,
          }
        : undefined,
      terminationMessagePolicy: 'FallbackToLogsOnError',
    }),
  });
}

function proxyInitContainer() {
  return container({
    name: 'linkerd-init',
    image: PROXY_INIT_IMAGE,
    args: [
      '--firewall-bin-path',
      'iptables-nft',
      '--firewall-save-bin-path',
      'iptables-nft-save',
      '--ipv6=false',
      '--incoming-proxy-port',
      '4143',
      '--outgoing-proxy-port',
      '4140',
      '--proxy-uid',
      '2102',
      '--inbound-ports-to-ignore',
      '4190,4191,4567,4568',
      '--outbound-ports-to-ignore',
      '4567,4568',
    ],
    volumeMounts: [
      { mountPath: '/run', name: 'linkerd-proxy-init-xtables-lock' },
    ],
    extra: {
      securityContext: {
        allowPrivilegeEscalation: false,
        capabilities: { add: ['NET_ADMIN', 'NET_RAW'] },
        privileged: false,
        readOnlyRootFilesystem: true,
        runAsGroup: 65534,
        runAsNonRoot: true,
        runAsUser: 65534,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      terminationMessagePolicy: 'FallbackToLogsOnError',
    },
  });
}

const PROXY_VOLUMES = [
  { emptyDir: {}, name: 'linkerd-proxy-init-xtables-lock' },
  { emptyDir: { medium: 'Memory' }, name: 'linkerd-identity-end-entity' },
  {
    name: 'linkerd-identity-token',
    projected: {
      defaultMode: 420,
      sources: [
        {
          serviceAccountToken: {
            audience: 'identity.l5d.io',
            expirationSeconds: 86400,
            path: 'linkerd-identity-token',
          },
        },
      ],
    },
  },
];

/**
 * What Linkerd's injector does to a pod (or, for the control plane, what the chart renders):
 * labels, annotations, linkerd-init, the proxy first in containers (or as a native sidecar init
 * container), and the proxy volumes.
 */
function inject(
  { labels, annotations, spec },
  { namespace, ownerKind, ownerName, createdBy },
) {
  const native =
    annotations?.['config.beta.linkerd.io/proxy-enable-native-sidecar'] ===
    'true';
  const inboundPorts = spec.containers.flatMap(c =>
    (c.ports ?? []).map(p => p.containerPort),
  );
  const proxy = proxyContainer(inboundPorts, native);
  return {
    labels: {
      ...labels,
      'linkerd.io/control-plane-ns': LINKERD_NS,
      [`linkerd.io/proxy-${ownerKind.toLowerCase()}`]: ownerName,
      'linkerd.io/workload-ns': namespace,
    },
    annotations: {
      ...annotations,
      'linkerd.io/created-by': createdBy,
      'linkerd.io/proxy-version': LINKERD_VERSION,
      'linkerd.io/trust-root-sha256': TRUST_ROOT_SHA256,
    },
    spec: {
      ...spec,
      containers: native ? spec.containers : [proxy, ...spec.containers],
      initContainers: [
        proxyInitContainer(),
        ...(native ? [proxy] : []),
        ...(spec.initContainers ?? []),
      ],
      volumes: [...(spec.volumes ?? []), ...PROXY_VOLUMES],
    },
  };
}

// --- pods -------------------------------------------------------------------------------------

const RESTART_COUNTS = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2];

function normalizeImage(image) {
  const first = image.split('/')[0];
  if (image.includes('/') && (first.includes('.') || first.includes(':')))
    return image;
  return image.includes('/')
    ? `docker.io/${image}`
    : `docker.io/library/${image}`;
}

function imageId(image) {
  const normalized = normalizeImage(image);
  return `${normalized.replace(/:[^:/]+$/, '')}@sha256:${sha256(
    `image:${normalized}`,
  )}`;
}

function containerId(seed) {
  return `containerd://${sha256(`container:${seed}`)}`;
}

/**
 * Pod status for a pod created at `created`. Running pods: every container started and ready,
 * a few with restarts. Succeeded pods: every container terminated with exit code 0 at `finishedAt`.
 */
function podStatus({ uid, spec, created, hostIp, podIp, phase, finishedAt }) {
  let t = created + SECOND;
  const startTime = t;
  const pullDelay = (hashInt(`pull:${uid}`) % 20) * SECOND;
  t += 2 * SECOND + pullDelay;
  const succeeded = phase === 'Succeeded';
  let initializedAt = t;
  const initContainerStatuses = (spec.initContainers ?? []).map(c => {
    const startedAt = t;
    const id = containerId(`${uid}/${c.name}/0`);
    let state;
    let ready;
    let started;
    if (c.restartPolicy === 'Always') {
      // native sidecar: keeps running until the main containers are done
      state = succeeded
        ? {
            terminated: {
              containerID: id,
              exitCode: 0,
              finishedAt: iso(finishedAt + 2 * SECOND),
              reason: 'Completed',
              startedAt: iso(startedAt),
            },
          }
        : { running: { startedAt: iso(startedAt) } };
      ready = !succeeded;
      started = !succeeded;
      t += 3 * SECOND;
    } else {
      state = {
        terminated: {
          containerID: id,
          exitCode: 0,
          finishedAt: iso(startedAt + SECOND),
          reason: 'Completed',
          startedAt: iso(startedAt),
        },
      };
      ready = true;
      started = false;
      t += 2 * SECOND;
    }
    initializedAt = t;
    return {
      containerID: id,
      image: normalizeImage(c.image),
      imageID: imageId(c.image),
      lastState: {},
      name: c.name,
      ready,
      restartCount: 0,
      started,
      state,
    };
  });
  let readyAt = t;
  const containerStatuses = spec.containers.map((c, i) => {
    const startedAt = t + i * SECOND;
    const isProxy = c.name === 'linkerd-proxy';
    const restartCount =
      succeeded || isProxy || NOW - created < 3 * DAY
        ? 0
        : RESTART_COUNTS[
            hashInt(`restarts:${uid}/${c.name}`) % RESTART_COUNTS.length
          ];
    const id = containerId(`${uid}/${c.name}/${restartCount}`);
    const base = {
      image: normalizeImage(c.image),
      imageID: imageId(c.image),
      name: c.name,
      restartCount,
    };
    if (succeeded) {
      return {
        ...base,
        containerID: id,
        lastState: {},
        ready: false,
        started: false,
        state: {
          terminated: {
            containerID: id,
            exitCode: 0,
            finishedAt: iso(finishedAt),
            reason: 'Completed',
            startedAt: iso(startedAt),
          },
        },
      };
    }
    let lastState = {};
    let runningSince = startedAt;
    if (restartCount > 0) {
      const span = NOW - startedAt - DAY;
      const restartedAt =
        startedAt +
        DAY +
        (hashInt(`restart-at:${uid}/${c.name}`) %
          Math.max(1, Math.floor(span / MINUTE))) *
          MINUTE;
      lastState = {
        terminated: {
          containerID: containerId(`${uid}/${c.name}/${restartCount - 1}`),
          exitCode: 1,
          finishedAt: iso(restartedAt - 10 * SECOND),
          reason: 'Error',
          startedAt: iso(restartCount > 1 ? restartedAt - DAY : startedAt),
        },
      };
      runningSince = restartedAt;
    }
    readyAt = Math.max(readyAt, runningSince + 5 * SECOND);
    return {
      ...base,
      containerID: id,
      lastState,
      ready: true,
      started: true,
      state: { running: { startedAt: iso(runningSince) } },
    };
  });
  readyAt = Math.max(readyAt, t + spec.containers.length * SECOND + 4 * SECOND);
  const hasResources = [
    ...spec.containers,
    ...(spec.initContainers ?? []),
  ].some(c => Object.keys(c.resources ?? {}).length > 0);
  const condition = (type, status, at, reason) =>
    clean({
      lastProbeTime: null,
      lastTransitionTime: iso(at),
      reason,
      status,
      type,
    });
  const conditions = succeeded
    ? [
        condition(
          'PodReadyToStartContainers',
          'False',
          finishedAt + 3 * SECOND,
        ),
        condition('Initialized', 'True', initializedAt, 'PodCompleted'),
        condition('Ready', 'False', finishedAt + SECOND, 'PodCompleted'),
        condition(
          'ContainersReady',
          'False',
          finishedAt + SECOND,
          'PodCompleted',
        ),
        condition('PodScheduled', 'True', created),
      ]
    : [
        condition('PodReadyToStartContainers', 'True', startTime + 2 * SECOND),
        condition('Initialized', 'True', initializedAt),
        condition('Ready', 'True', readyAt),
        condition('ContainersReady', 'True', readyAt),
        condition('PodScheduled', 'True', created),
      ];
  const status = clean({
    conditions,
    containerStatuses: [...containerStatuses].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    ),
    hostIP: hostIp,
    hostIPs: [{ ip: hostIp }],
    initContainerStatuses: initContainerStatuses.length
      ? initContainerStatuses
      : undefined,
    phase,
    podIP: podIp,
    podIPs: [{ ip: podIp }],
    qosClass: hasResources ? 'Burstable' : 'BestEffort',
    startTime: iso(startTime),
  });
  return { status, readyAt: succeeded ? finishedAt + 3 * SECOND : readyAt };
}

/**
 * A pod from a template. `mesh` (optional) = { ownerKind, ownerName } injects the Linkerd proxy
 * the way the proxy-injector webhook does at admission.
 */
function makePod(
  C,
  {
    namespace,
    name,
    owner,
    template,
    nodeName,
    created,
    daemonSet,
    extraLabels,
    phase = 'Running',
    finishedAt,
    mesh,
    uidSalt = '',
  },
) {
  let labels = { ...template.metadata.labels, ...extraLabels };
  let annotations = { ...template.metadata.annotations };
  let spec = template.spec;
  if (mesh) {
    ({ labels, annotations, spec } = inject(
      { labels, annotations, spec },
      {
        namespace,
        ...mesh,
        createdBy: `linkerd/proxy-injector ${LINKERD_VERSION}`,
      },
    ));
  }
  const uid = makeUid(`Pod/${namespace}/${name}@${iso(created)}${uidSalt}`);
  const node = NODE_BY_NAME.get(nodeName);
  const podIp = spec.hostNetwork ? node.ip : C.podIp(nodeName, uid);
  const podSpec = podOnlySpec(spec, { nodeName, daemonSet });
  const { status, readyAt } = podStatus({
    uid,
    spec: podSpec,
    created,
    hostIp: node.ip,
    podIp,
    phase,
    finishedAt,
  });
  return C.add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: metadata({
      name,
      namespace,
      labels,
      annotations,
      created,
      owner,
      uidSeed: `Pod/${namespace}/${name}@${iso(created)}${uidSalt}`,
      modified: readyAt,
    }),
    spec: podSpec,
    status,
  });
}

/** Deterministic spread of `count` pods over `pool` starting at a hashed offset. */
function placement(seed, count, pool = AMD64_AGENTS) {
  const start = hashInt(`place:${seed}`) % pool.length;
  return Array.from(
    { length: count },
    (_, i) => pool[(start + i) % pool.length],
  );
}

// --- workloads ----------------------------------------------------------------------------------

/**
 * Revisions of a workload spec: [{ created, version, annotations }], oldest first. In the meshed
 * snapshot a restarted workload gets one more revision, the same version with
 * `kubectl.kubernetes.io/restartedAt`.
 */
function revisions(w, namespace, restartAt) {
  const revs = w.history.map(([at, version], i) => ({
    created: when(at, `${namespace}/${w.name}/rev${i}`),
    version,
    annotations: undefined,
  }));
  if (restartAt) {
    const last = revs[revs.length - 1];
    revs.push({
      created: restartAt,
      version: last.version,
      annotations: { 'kubectl.kubernetes.io/restartedAt': iso(restartAt) },
    });
  }
  for (let i = 1; i < revs.length; i++) {
    if (revs[i].created <= revs[i - 1].created)
      throw new Error(`${namespace}/${w.name}: revisions out of order`);
  }
  if (revs[revs.length - 1].created >= NOW)
    throw new Error(`${namespace}/${w.name}: revision in the future`);
  return revs;
}

function buildDeployment(C, namespace, w, { mesh, restartAt }) {
  const revs = revisions(w, namespace, restartAt);
  const created = revs[0].created;
  const labels = workloadLabels(w);
  const maxSurge = Math.ceil(w.replicas * 0.25);
  const templates = revs.map(r =>
    podTemplate(w, r.version, { annotations: r.annotations }),
  );
  const current = templates[templates.length - 1];
  const deploymentUid = makeUid(
    `Deployment/${namespace}/${w.name}@${iso(created)}`,
  );
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: w.name, uid: deploymentUid },
  };
  const nodes = w.nodes ?? null;
  let lastPodReady = revs[revs.length - 1].created;
  const replicaSets = revs.map((r, i) => {
    const isCurrent = i === revs.length - 1;
    const hash = templateHash({
      ns: namespace,
      name: w.name,
      template: templates[i],
    });
    const rsName = `${w.name}-${hash}`;
    const replicas = isCurrent ? w.replicas : 0;
    const template = {
      metadata: {
        ...templates[i].metadata,
        labels: { ...templates[i].metadata.labels, 'pod-template-hash': hash },
      },
      spec: templates[i].spec,
    };
    const rsMeta = metadata({
      name: rsName,
      namespace,
      labels: { ...labels, 'pod-template-hash': hash },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(w.replicas),
        'deployment.kubernetes.io/max-replicas': String(w.replicas + maxSurge),
        'deployment.kubernetes.io/revision': String(i + 1),
      },
      created: r.created,
      owner: deployment,
      generation: isCurrent ? 1 : 2,
      modified: isCurrent
        ? r.created + 40 * SECOND
        : revs[i + 1].created + 30 * SECOND,
    });
    const rs = C.add({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: rsMeta,
      spec: {
        replicas,
        selector: { matchLabels: { ...w.selector, 'pod-template-hash': hash } },
        template,
      },
      status: isCurrent
        ? {
            availableReplicas: replicas,
            fullyLabeledReplicas: replicas,
            observedGeneration: 1,
            readyReplicas: replicas,
            replicas,
          }
        : { observedGeneration: 2, replicas: 0 },
    });
    if (isCurrent) {
      const podNodes = nodes ?? placement(rsName, replicas);
      for (let p = 0; p < replicas; p++) {
        const podName = `${rsName}-${nameSuffix(
          `${namespace}/${rsName}/${p}`,
        )}`;
        const pod = makePod(C, {
          namespace,
          name: podName,
          owner: rs,
          template,
          nodeName: podNodes[p % podNodes.length],
          created: r.created + (2 + p) * SECOND,
          mesh: mesh
            ? { ownerKind: 'Deployment', ownerName: w.name }
            : undefined,
        });
        lastPodReady = Math.max(
          lastPodReady,
          Date.parse(
            pod.status.conditions.find(c => c.type === 'Ready')
              .lastTransitionTime,
          ),
        );
      }
    }
    return rs;
  });
  const progressedAt = revs[revs.length - 1].created + 25 * SECOND;
  const replicaSetName = replicaSets[replicaSets.length - 1].metadata.name;
  C.add({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata({
      name: w.name,
      namespace,
      labels,
      annotations: { 'deployment.kubernetes.io/revision': String(revs.length) },
      created,
      generation: revs.length,
      modified: lastPodReady,
      uidSeed: `Deployment/${namespace}/${w.name}@${iso(created)}`,
    }),
    spec: {
      progressDeadlineSeconds: 600,
      replicas: w.replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: w.selector },
      strategy: {
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
        type: 'RollingUpdate',
      },
      template: current,
    },
    status: {
      availableReplicas: w.replicas,
      conditions: [
        {
          lastTransitionTime: iso(lastPodReady),
          lastUpdateTime: iso(lastPodReady),
          message: 'Deployment has minimum availability.',
          reason: 'MinimumReplicasAvailable',
          status: 'True',
          type: 'Available',
        },
        {
          lastTransitionTime: iso(created + 2 * SECOND),
          lastUpdateTime: iso(progressedAt),
          message: `ReplicaSet "${replicaSetName}" has successfully progressed.`,
          reason: 'NewReplicaSetAvailable',
          status: 'True',
          type: 'Progressing',
        },
      ],
      observedGeneration: revs.length,
      readyReplicas: w.replicas,
      replicas: w.replicas,
      updatedReplicas: w.replicas,
    },
  });
}

function buildStatefulSet(C, namespace, w, { mesh, restartAt }) {
  const revs = revisions(w, namespace, restartAt);
  const created = revs[0].created;
  const current = revs[revs.length - 1];
  const template = podTemplate(w, current.version, {
    annotations: current.annotations,
  });
  const revisionHash = `${w.name}-${templateHash({
    ns: namespace,
    name: w.name,
    template,
  })}`;
  const ssUid = makeUid(`StatefulSet/${namespace}/${w.name}@${iso(created)}`);
  const owner = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: w.name, uid: ssUid },
  };
  const nodes = w.nodes ?? placement(`${namespace}/${w.name}`, w.replicas);
  let lastReady = current.created;
  for (let ordinal = 0; ordinal < w.replicas; ordinal++) {
    const podName = `${w.name}-${ordinal}`;
    // a rolling update replaces pods from the highest ordinal down
    const podCreated =
      revs.length > 1
        ? current.created + (w.replicas - 1 - ordinal) * 35 * SECOND
        : current.created + ordinal * 20 * SECOND + 3 * SECOND;
    const podTemplateWithVolumes = {
      metadata: template.metadata,
      spec: {
        ...template.spec,
        hostname: podName,
        subdomain: w.serviceName,
        volumes: w.volumeClaim
          ? [
              {
                name: w.volumeClaim.name,
                persistentVolumeClaim: {
                  claimName: `${w.volumeClaim.name}-${podName}`,
                },
              },
              ...(template.spec.volumes ?? []),
            ]
          : template.spec.volumes,
      },
    };
    const pod = makePod(C, {
      namespace,
      name: podName,
      owner,
      template: podTemplateWithVolumes,
      nodeName: mesh
        ? placement(`${namespace}/${podName}@${iso(podCreated)}`, 1)[0]
        : nodes[ordinal % nodes.length],
      created: podCreated,
      extraLabels: {
        'apps.kubernetes.io/pod-index': String(ordinal),
        'controller-revision-hash': revisionHash,
        'statefulset.kubernetes.io/pod-name': podName,
      },
      mesh: mesh ? { ownerKind: 'StatefulSet', ownerName: w.name } : undefined,
    });
    lastReady = Math.max(
      lastReady,
      Date.parse(
        pod.status.conditions.find(c => c.type === 'Ready').lastTransitionTime,
      ),
    );
  }
  C.add({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: metadata({
      name: w.name,
      namespace,
      labels: workloadLabels(w),
      created,
      generation: revs.length,
      modified: lastReady,
      uidSeed: `StatefulSet/${namespace}/${w.name}@${iso(created)}`,
    }),
    spec: clean({
      persistentVolumeClaimRetentionPolicy: {
        whenDeleted: 'Retain',
        whenScaled: 'Retain',
      },
      podManagementPolicy: w.podManagementPolicy ?? 'OrderedReady',
      replicas: w.replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: w.selector },
      serviceName: w.serviceName,
      template,
      updateStrategy: {
        rollingUpdate: { partition: 0 },
        type: 'RollingUpdate',
      },
      volumeClaimTemplates: w.volumeClaim
        ? [
            {
              apiVersion: 'v1',
              kind: 'PersistentVolumeClaim',
              metadata: { creationTimestamp: null, name: w.volumeClaim.name },
              spec: {
                accessModes: ['ReadWriteOnce'],
                resources: { requests: { storage: w.volumeClaim.size } },
                storageClassName: 'longhorn',
                volumeMode: 'Filesystem',
              },
              status: { phase: 'Pending' },
            },
          ]
        : undefined,
    }),
    status: {
      availableReplicas: w.replicas,
      collisionCount: 0,
      currentReplicas: w.replicas,
      currentRevision: revisionHash,
      observedGeneration: revs.length,
      readyReplicas: w.replicas,
      replicas: w.replicas,
      updateRevision: revisionHash,
      updatedReplicas: w.replicas,
    },
  });
}

function buildDaemonSet(C, namespace, w) {
  const revs = revisions(w, namespace, undefined);
  const created = revs[0].created;
  const current = revs[revs.length - 1];
  const template = podTemplate(w, current.version);
  const hash = templateHash({ ns: namespace, name: w.name, template });
  const dsUid = makeUid(`DaemonSet/${namespace}/${w.name}@${iso(created)}`);
  const owner = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: w.name, uid: dsUid },
  };
  let lastReady = current.created;
  NODES.forEach((node, i) => {
    const podCreated =
      Math.max(current.created, Date.parse(node.joined)) + (3 + i * 2) * SECOND;
    const podName = `${w.name}-${nameSuffix(
      `${namespace}/${w.name}/${node.name}`,
    )}`;
    const pod = makePod(C, {
      namespace,
      name: podName,
      owner,
      template,
      nodeName: node.name,
      created: podCreated,
      daemonSet: true,
      extraLabels: {
        'controller-revision-hash': hash,
        'pod-template-generation': String(revs.length),
      },
    });
    lastReady = Math.max(
      lastReady,
      Date.parse(
        pod.status.conditions.find(c => c.type === 'Ready').lastTransitionTime,
      ),
    );
  });
  const n = NODES.length;
  C.add({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: metadata({
      name: w.name,
      namespace,
      labels: workloadLabels(w),
      annotations: {
        'deprecated.daemonset.template.generation': String(revs.length),
      },
      created,
      generation: revs.length,
      modified: lastReady,
      uidSeed: `DaemonSet/${namespace}/${w.name}@${iso(created)}`,
    }),
    spec: {
      revisionHistoryLimit: 10,
      selector: { matchLabels: w.selector },
      template,
      updateStrategy: {
        rollingUpdate: { maxSurge: 0, maxUnavailable: 1 },
        type: 'RollingUpdate',
      },
    },
    status: {
      currentNumberScheduled: n,
      desiredNumberScheduled: n,
      numberAvailable: n,
      numberMisscheduled: 0,
      numberReady: n,
      observedGeneration: revs.length,
      updatedNumberScheduled: n,
    },
  });
}

function buildService(C, namespace, s, w) {
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

function buildWorkload(C, namespace, w, opts = {}) {
  const created = when(w.history[0][0], `${namespace}/${w.name}/rev0`);
  for (const s of w.services ?? [])
    buildService(C, namespace, { ...s, created: created - 20 * SECOND }, w);
  if (w.kind === 'Deployment') buildDeployment(C, namespace, w, opts);
  else if (w.kind === 'StatefulSet') buildStatefulSet(C, namespace, w, opts);
  else if (w.kind === 'DaemonSet') buildDaemonSet(C, namespace, w);
  else throw new Error(`unknown kind ${w.kind}`);
}

// --- the analytics CronJob -----------------------------------------------------------------------

function buildAnalytics(C, meshed) {
  const a = AB_ANALYTICS;
  const namespace = AB_NS;
  const created = Date.parse(a.created);
  const w = {
    name: a.name,
    entity: a.name,
    labels: {
      'app.kubernetes.io/name': a.name,
      'app.kubernetes.io/part-of': 'auto-brand',
      'app.kubernetes.io/component': 'batch',
    },
    image: AB_IMAGE(a.name),
    container: {
      name: a.name,
      command: ['python', '-m', 'analytics.rollup'],
      env: [['LOG_LEVEL', 'info'], ...abEnv(a.calls)],
      resources: ['200m', '512Mi', '1Gi'],
    },
    pod: { restartPolicy: 'OnFailure', serviceAccountName: a.name },
  };
  const annotations = meshed
    ? { 'config.beta.linkerd.io/proxy-enable-native-sidecar': 'true' }
    : undefined;
  const template = podTemplate(w, a.version, { annotations });
  const cronUid = makeUid(`CronJob/${namespace}/${a.name}@${a.created}`);
  const cronOwner = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: a.name, uid: cronUid },
  };

  // the most recent run: 11:00 on capturedAt's day; Job named after the scheduled minute
  const scheduled = NOW - HOUR;
  const jobName = `${a.name}-${Math.floor(scheduled / MINUTE)}`;
  const jobCreated = scheduled;
  const salt = meshed ? '#meshed' : '';
  const jobUid = makeUid(
    `Job/${namespace}/${jobName}@${iso(jobCreated)}${salt}`,
  );
  const controllerLabels = {
    'batch.kubernetes.io/controller-uid': jobUid,
    'batch.kubernetes.io/job-name': jobName,
    'controller-uid': jobUid,
    'job-name': jobName,
  };
  const jobTemplate = {
    metadata: {
      ...template.metadata,
      labels: { ...template.metadata.labels, ...controllerLabels },
    },
    spec: template.spec,
  };
  const jobOwner = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: jobName, uid: jobUid },
  };
  const podName = `${jobName}-${nameSuffix(`${namespace}/${jobName}${salt}`)}`;
  const podCreated = jobCreated + SECOND;
  const finishedAt =
    podCreated +
    2 * MINUTE +
    ((hashInt(`analytics-run:${jobName}`) % 40) + 10) * SECOND;
  const pod = makePod(C, {
    namespace,
    name: podName,
    owner: jobOwner,
    template: jobTemplate,
    nodeName: 'k3s-agent-2',
    created: podCreated,
    phase: 'Succeeded',
    finishedAt,
    mesh: meshed ? { ownerKind: 'Job', ownerName: jobName } : undefined,
    uidSalt: salt,
  });
  const completedAt =
    Date.parse(
      pod.status.conditions.find(c => c.type === 'Ready').lastTransitionTime,
    ) +
    2 * SECOND;
  C.add({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: metadata({
      name: jobName,
      namespace,
      labels: { ...template.metadata.labels, ...controllerLabels },
      annotations: {
        'batch.kubernetes.io/cronjob-scheduled-timestamp': iso(scheduled),
      },
      created: jobCreated,
      owner: cronOwner,
      generation: 1,
      modified: completedAt,
      uidSeed: `Job/${namespace}/${jobName}@${iso(jobCreated)}${salt}`,
    }),
    spec: {
      backoffLimit: 2,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: {
        matchLabels: { 'batch.kubernetes.io/controller-uid': jobUid },
      },
      suspend: false,
      template: jobTemplate,
    },
    status: {
      completionTime: iso(completedAt),
      conditions: [
        {
          lastProbeTime: iso(completedAt),
          lastTransitionTime: iso(completedAt),
          message: 'Reached expected number of succeeded pods',
          reason: 'CompletionsReached',
          status: 'True',
          type: 'SuccessCriteriaMet',
        },
        {
          lastProbeTime: iso(completedAt),
          lastTransitionTime: iso(completedAt),
          message: 'Reached expected number of succeeded pods',
          reason: 'CompletionsReached',
          status: 'True',
          type: 'Complete',
        },
      ],
      ready: 0,
      startTime: iso(jobCreated),
      succeeded: 1,
      terminating: 0,
      uncountedTerminatedPods: {},
    },
  });
  const cronModified = meshed
    ? Date.parse(AUTO_BRAND_RESTART_AT) + 5 * MINUTE
    : created;
  C.add({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: metadata({
      name: a.name,
      namespace,
      labels: workloadLabels(w),
      created,
      generation: meshed ? 2 : 1,
      modified: Math.max(cronModified, completedAt),
      uidSeed: `CronJob/${namespace}/${a.name}@${a.created}`,
    }),
    spec: {
      concurrencyPolicy: 'Forbid',
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { creationTimestamp: null, labels: workloadLabels(w) },
        spec: { backoffLimit: 2, template },
      },
      schedule: a.schedule,
      successfulJobsHistoryLimit: 1,
      suspend: false,
    },
    status: {
      lastScheduleTime: iso(scheduled),
      lastSuccessfulTime: iso(completedAt),
    },
  });
}

// --- Linkerd control plane -------------------------------------------------------------------------

function buildLinkerd(C) {
  const namespace = LINKERD_NS;
  const installed = Date.parse(LINKERD_INSTALLED_AT);
  const cpLabels = component => ({
    'app.kubernetes.io/name': component,
    'app.kubernetes.io/part-of': 'Linkerd',
    'app.kubernetes.io/version': LINKERD_VERSION,
    'backstage.io/kubernetes-id': 'linkerd',
    'linkerd.io/control-plane-component': component,
    'linkerd.io/control-plane-ns': LINKERD_NS,
  });
  const controller = `cr.l5d.io/linkerd/controller:${LINKERD_VERSION}`;
  const components = [
    {
      component: 'destination',
      name: 'linkerd-destination',
      node: 'k3s-agent-1',
      containers: [
        container({
          name: 'destination',
          image: controller,
          args: [
            'destination',
            '-addr=:8086',
            '-controller-namespace=linkerd',
            '-enable-h2-upgrade=true',
            '-log-level=info',
            '-log-format=plain',
            '-cluster-domain=cluster.local',
            `-identity-trust-domain=cluster.local`,
            '-default-opaque-ports=25,587,3306,4444,5432,6379,9300,11211',
          ],
          ports: [
            ['grpc', 8086],
            ['admin-http', 9996],
          ],
          resources: ['100m', '50Mi'],
        }),
        container({
          name: 'sp-validator',
          image: controller,
          args: ['sp-validator', '-log-level=info', '-log-format=plain'],
          ports: [
            ['sp-validator', 8443],
            ['admin-http', 9997],
          ],
        }),
        container({
          name: 'policy',
          image: `cr.l5d.io/linkerd/policy-controller:${LINKERD_VERSION}`,
          args: [
            '--admin-addr=0.0.0.0:9990',
            '--control-plane-namespace=linkerd',
            '--grpc-addr=0.0.0.0:8090',
            '--server-addr=0.0.0.0:9443',
            '--cluster-networks=' + CLUSTER_NETWORKS,
            '--identity-domain=cluster.local',
            '--cluster-domain=cluster.local',
            '--default-policy=all-unauthenticated',
            '--log-level=info',
            '--log-format=plain',
            '--default-opaque-ports=25,587,3306,4444,5432,6379,9300,11211',
          ],
          ports: [
            ['grpc', 8090],
            ['admin-http', 9990],
            ['policy-https', 9443],
          ],
          resources: ['100m', '50Mi'],
        }),
      ],
    },
    {
      component: 'identity',
      name: 'linkerd-identity',
      node: 'k3s-agent-2',
      containers: [
        container({
          name: 'identity',
          image: controller,
          args: [
            'identity',
            '-log-level=info',
            '-log-format=plain',
            '-controller-namespace=linkerd',
            '-identity-trust-domain=cluster.local',
            '-identity-issuance-lifetime=24h0m0s',
            '-identity-clock-skew-allowance=20s',
            '-identity-scheme=linkerd.io/tls',
            '-enable-pprof=false',
          ],
          ports: [
            ['grpc', 8080],
            ['admin-http', 9990],
          ],
          resources: ['100m', '10Mi'],
        }),
      ],
    },
    {
      component: 'proxy-injector',
      name: 'linkerd-proxy-injector',
      node: 'k3s-agent-3',
      containers: [
        container({
          name: 'proxy-injector',
          image: controller,
          args: [
            'proxy-injector',
            '-log-level=info',
            '-log-format=plain',
            '-linkerd-namespace=linkerd',
            '-enable-pprof=false',
          ],
          ports: [
            ['proxy-injector', 8443],
            ['admin-http', 9995],
          ],
          resources: ['100m', '50Mi'],
        }),
      ],
    },
  ];
  for (const [i, c] of components.entries()) {
    const created = installed + (4 + i) * SECOND;
    const labels = cpLabels(c.component);
    const selector = {
      'linkerd.io/control-plane-component': c.component,
      'linkerd.io/control-plane-ns': LINKERD_NS,
    };
    // the chart renders the proxy into the control plane's own pod templates
    const rendered = inject(
      {
        labels,
        annotations: {},
        spec: podSpecDefaults({
          containers: c.containers,
          serviceAccountName: c.name,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        }),
      },
      {
        namespace,
        ownerKind: 'Deployment',
        ownerName: c.name,
        createdBy: `linkerd/cli ${LINKERD_VERSION}`,
      },
    );
    const w = { name: c.name, labels, selector };
    const template = {
      metadata: {
        annotations: rendered.annotations,
        creationTimestamp: null,
        labels: rendered.labels,
      },
      spec: rendered.spec,
    };
    buildControlPlaneDeployment(C, namespace, w, template, created, c.node);
  }
  const svcCreated = installed + 3 * SECOND;
  const svcLabels = component => ({
    'linkerd.io/control-plane-component': component,
    'linkerd.io/control-plane-ns': LINKERD_NS,
  });
  const selector = component => ({
    'linkerd.io/control-plane-component': component,
  });
  buildService(C, namespace, {
    name: 'linkerd-dst',
    created: svcCreated,
    labels: svcLabels('destination'),
    selector: selector('destination'),
    ports: [['grpc', 8086, 8086]],
  });
  buildService(C, namespace, {
    name: 'linkerd-identity',
    created: svcCreated,
    labels: svcLabels('identity'),
    selector: selector('identity'),
    ports: [['grpc', 8080, 8080]],
  });
  buildService(C, namespace, {
    name: 'linkerd-proxy-injector',
    created: svcCreated,
    labels: svcLabels('proxy-injector'),
    selector: selector('proxy-injector'),
    ports: [['proxy-injector', 443, 'proxy-injector']],
  });
  buildService(C, namespace, {
    name: 'linkerd-policy',
    created: svcCreated,
    headless: true,
    labels: svcLabels('destination'),
    selector: selector('destination'),
    ports: [['grpc', 8090, 8090]],
  });

  const cmCreated = installed + 2 * SECOND;
  const createdBy = {
    'linkerd.io/created-by': `linkerd/cli ${LINKERD_VERSION}`,
  };
  C.add({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata({
      name: 'linkerd-identity-trust-roots',
      namespace,
      labels: { 'linkerd.io/control-plane-ns': LINKERD_NS },
      annotations: createdBy,
      created: cmCreated,
    }),
    data: { 'ca-bundle.crt': TRUST_ANCHORS_PEM },
  });
  const values = stringify(
    sortKeys({
      linkerdVersion: LINKERD_VERSION,
      identityTrustDomain: 'cluster.local',
      identityTrustAnchorsPEM: TRUST_ANCHORS_PEM,
      clusterDomain: 'cluster.local',
      clusterNetworks: CLUSTER_NETWORKS,
      controllerReplicas: 1,
      cniEnabled: false,
      controllerLogLevel: 'info',
      proxy: {
        defaultInboundPolicy: 'all-unauthenticated',
        nativeSidecar: false,
        image: { name: PROXY_IMAGE_NAME, version: '' },
        logLevel: 'warn,linkerd=info,hickory=error',
        await: true,
        opaquePorts: '25,587,3306,4444,5432,6379,9300,11211',
      },
      proxyInit: {
        image: { name: 'cr.l5d.io/linkerd/proxy-init', version: 'v2.4.3' },
        iptablesMode: 'nft',
      },
    }),
    { ...YAML_OPTIONS, version: '1.2' },
  );
  C.add({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata({
      name: 'linkerd-config',
      namespace,
      labels: {
        'linkerd.io/control-plane-component': 'controller',
        'linkerd.io/control-plane-ns': LINKERD_NS,
      },
      annotations: createdBy,
      created: cmCreated,
    }),
    data: { 'linkerd-crds-chart-version': LINKERD_CRDS_CHART_VERSION, values },
  });
}

/** A control-plane Deployment whose template already carries the proxy (rendered by the chart). */
function buildControlPlaneDeployment(
  C,
  namespace,
  w,
  template,
  created,
  nodeName,
) {
  const hash = templateHash({ ns: namespace, name: w.name, template });
  const rsName = `${w.name}-${hash}`;
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: w.name,
      uid: makeUid(`Deployment/${namespace}/${w.name}@${iso(created)}`),
    },
  };
  const rsTemplate = {
    metadata: {
      ...template.metadata,
      labels: { ...template.metadata.labels, 'pod-template-hash': hash },
    },
    spec: template.spec,
  };
  const rs = C.add({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: metadata({
      name: rsName,
      namespace,
      labels: { ...w.labels, 'pod-template-hash': hash },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '1',
        'deployment.kubernetes.io/max-replicas': '2',
        'deployment.kubernetes.io/revision': '1',
      },
      created: created + SECOND,
      owner: deployment,
      generation: 1,
      modified: created + 50 * SECOND,
    }),
    spec: {
      replicas: 1,
      selector: { matchLabels: { ...w.selector, 'pod-template-hash': hash } },
      template: rsTemplate,
    },
    status: {
      availableReplicas: 1,
      fullyLabeledReplicas: 1,
      observedGeneration: 1,
      readyReplicas: 1,
      replicas: 1,
    },
  });
  // the pod was created from an already injected template: no second injection
  const pod = makePod(C, {
    namespace,
    name: `${rsName}-${nameSuffix(`${namespace}/${rsName}/0`)}`,
    owner: rs,
    template: rsTemplate,
    nodeName,
    created: created + 2 * SECOND,
  });
  const readyAt = Date.parse(
    pod.status.conditions.find(c => c.type === 'Ready').lastTransitionTime,
  );
  C.add({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata({
      name: w.name,
      namespace,
      labels: w.labels,
      annotations: {
        'deployment.kubernetes.io/revision': '1',
        'linkerd.io/created-by': `linkerd/cli ${LINKERD_VERSION}`,
      },
      created,
      generation: 1,
      modified: readyAt,
      uidSeed: `Deployment/${namespace}/${w.name}@${iso(created)}`,
    }),
    spec: {
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: w.selector },
      strategy: {
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
        type: 'RollingUpdate',
      },
      template,
    },
    status: {
      availableReplicas: 1,
      conditions: [
        {
          lastTransitionTime: iso(readyAt),
          lastUpdateTime: iso(readyAt),
          message: 'Deployment has minimum availability.',
          reason: 'MinimumReplicasAvailable',
          status: 'True',
          type: 'Available',
        },
        {
          lastTransitionTime: iso(created + SECOND),
          lastUpdateTime: iso(readyAt),
          message: `ReplicaSet "${rsName}" has successfully progressed.`,
          reason: 'NewReplicaSetAvailable',
          status: 'True',
          type: 'Progressing',
        },
      ],
      observedGeneration: 1,
      readyReplicas: 1,
      replicas: 1,
      updatedReplicas: 1,
    },
  });
}

// --- cluster-scoped objects -------------------------------------------------------------------

function nodeObject(n, index) {
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

function namespaceObject(
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

// ---------------------------------------------------------------------------------------------
// Building a snapshot
// ---------------------------------------------------------------------------------------------

function buildCluster(name, meshed) {
  const C = new Cluster(name);
  const birth = Date.parse(CLUSTER_BIRTH);
  NODES.forEach((n, i) => C.clusterScoped.push(nodeObject(n, i)));
  const namespaces = [];
  const ns = (nsName, created, extra) =>
    namespaces.push(
      namespaceObject(
        nsName,
        typeof created === 'number' ? created : Date.parse(created),
        extra,
      ),
    );

  // built-in namespaces; `kubernetes` Service in default
  for (const [i, builtin] of [
    'default',
    'kube-node-lease',
    'kube-public',
  ].entries())
    ns(builtin, birth - (3 - i) * SECOND);
  buildService(C, 'default', {
    name: 'kubernetes',
    clusterIP: '10.43.0.1',
    created: birth - 2 * SECOND,
    labels: { component: 'apiserver', provider: 'kubernetes' },
    selector: null,
    ports: [['https', 443, 6443]],
  });

  // platform, then apps: identical in both snapshots (built first so allocators agree)
  for (const platformNs of [
    KUBE_SYSTEM,
    METALLB,
    LONGHORN,
    CERT_MANAGER,
    MONITORING,
  ]) {
    ns(
      platformNs.name,
      platformNs.name === 'kube-system'
        ? birth - 4 * SECOND
        : platformNs.created,
    );
    for (const w of platformNs.workloads) buildWorkload(C, platformNs.name, w);
  }
  for (const app of APPS) {
    const appNs = appNamespace(app);
    ns(appNs.name, appNs.created);
    for (const w of appNs.workloads) buildWorkload(C, appNs.name, w);
  }

  // auto-brand: annotated for injection and restarted in the meshed snapshot (except experimentation)
  const restartBase = Date.parse(AUTO_BRAND_RESTART_AT);
  ns(
    AB_NS,
    AB_NS_CREATED,
    meshed
      ? {
          annotations: { 'linkerd.io/inject': 'enabled' },
          modified: restartBase - 3 * MINUTE,
        }
      : {},
  );
  autoBrandWorkloads().forEach((w, i) => {
    const restart = meshed && w.mesh === 'restart';
    buildWorkload(C, AB_NS, w, {
      mesh: restart,
      restartAt: restart ? restartBase + i * 47 * SECOND : undefined,
    });
  });
  buildAnalytics(C, meshed);

  if (meshed) {
    ns(LINKERD_NS, Date.parse(LINKERD_INSTALLED_AT), {
      labels: {
        'config.linkerd.io/admission-webhooks': 'disabled',
        'linkerd.io/control-plane-ns': LINKERD_NS,
        'linkerd.io/is-control-plane': 'true',
      },
      annotations: { 'linkerd.io/inject': 'disabled' },
    });
    buildLinkerd(C);
    // The proxy injector's webhook registration (what `linkerd install` creates; caBundle omitted).
    C.clusterScoped.push({
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'MutatingWebhookConfiguration',
      metadata: {
        name: 'linkerd-proxy-injector-webhook-config',
        uid: makeUid('MutatingWebhookConfiguration/linkerd-proxy-injector-webhook-config'),
        creationTimestamp: LINKERD_INSTALLED_AT,
        labels: { 'linkerd.io/control-plane-component': 'proxy-injector', 'linkerd.io/control-plane-ns': LINKERD_NS },
      },
      webhooks: [{
        name: 'linkerd-proxy-injector.linkerd.io',
        admissionReviewVersions: ['v1', 'v1beta1'],
        clientConfig: { service: { name: 'linkerd-proxy-injector', namespace: LINKERD_NS, path: '/' } },
        failurePolicy: 'Ignore',
        sideEffects: 'None',
        namespaceSelector: { matchExpressions: [{ key: 'config.linkerd.io/admission-webhooks', operator: 'NotIn', values: ['disabled'] }, { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system', 'cert-manager'] }] },
        rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'], scope: '*' }],
      }],
    });
  }
  C.namespaceObjects = namespaces;
  return C;
}

const KIND_ORDER = [
  'Namespace',
  'Node',
  'ConfigMap',
  'Service',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'ReplicaSet',
  'Pod',
];

function byKindThenName(a, b) {
  const k = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (k !== 0) return k;
  return a.metadata.name < b.metadata.name
    ? -1
    : a.metadata.name > b.metadata.name
    ? 1
    : 0;
}

function writeFile(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function writeCluster(dir, C) {
  const items = [
    ...C.namespaceObjects.sort(byKindThenName),
    ...C.clusterScoped.sort(byKindThenName),
  ];
  for (const obj of items)
    if (obj.kind === 'Secret') throw new Error('no Secrets');
  writeFile(
    join(dir, 'cluster', 'cluster-scoped.yaml'),
    toYaml(
      sortKeys({
        apiVersion: 'v1',
        items: items.map(clean),
        kind: 'List',
        metadata: { resourceVersion: '' },
      }),
    ),
  );
  const names = [...C.namespaced.keys()].sort();
  for (const nsName of names) {
    const objects = C.namespaced.get(nsName).sort(byKindThenName);
    for (const obj of objects)
      if (obj.kind === 'Secret') throw new Error('no Secrets');
    const text = objects.map(o => toYaml(sortKeys(clean(o)))).join('---\n');
    writeFile(join(dir, 'cluster', 'namespaces', `${nsName}.yaml`), text);
  }
}

// ---------------------------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------------------------

function entity(
  kind,
  namespace,
  name,
  { description, tags, annotations, spec, title },
) {
  return clean({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace, title, description, tags, annotations },
    spec,
  });
}

function k8sAnnotations(id, cluster) {
  return {
    'backstage.io/kubernetes-id': id,
    'backstage.io/kubernetes-cluster': cluster,
  };
}

function ref(target, namespace) {
  return `${
    AB_RESOURCES.has(target) || target.endsWith('-postgres')
      ? 'resource'
      : 'component'
  }:${namespace}/${target}`;
}

function autoBrandEntities(namespace, cluster) {
  const system = `system:${namespace}/auto-brand`;
  const out = [
    entity('System', namespace, 'auto-brand', {
      title: 'auto-brand',
      description:
        'Generates, tests and publishes brand content: an orchestrator fanning out to LLM, video and publishing workers over HTTP and NATS JetStream, with PostgreSQL for state.',
      tags: ['python', 'nats'],
      spec: { owner: CATALOG_OWNER },
    }),
  ];
  for (const s of AB_SERVICES) {
    out.push(
      entity('Component', namespace, s.name, {
        description: s.description,
        tags: s.tags,
        // web-ui is reached through Traefik: plaintext from it is expected, not a finding.
        annotations: s.website
          ? { ...k8sAnnotations(s.name, cluster), 'meshlens.io/ingress-facing': 'true' }
          : k8sAnnotations(s.name, cluster),
        spec: {
          type: s.website ? 'website' : 'service',
          lifecycle: 'production',
          owner: CATALOG_OWNER,
          system,
          dependsOn: s.calls.map(t => ref(t, namespace)),
        },
      }),
    );
  }
  out.push(
    entity('Component', namespace, AB_ANALYTICS.name, {
      description: AB_ANALYTICS.description,
      tags: AB_ANALYTICS.tags,
      annotations: k8sAnnotations(AB_ANALYTICS.name, cluster),
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: CATALOG_OWNER,
        system,
        dependsOn: AB_ANALYTICS.calls.map(t => ref(t, namespace)),
      },
    }),
    entity('Resource', namespace, 'nats', {
      description:
        'NATS JetStream cluster (3 nodes) carrying the work queues between the auto-brand services.',
      tags: ['nats', 'jetstream'],
      annotations: k8sAnnotations('nats', cluster),
      spec: { type: 'message-broker', owner: CATALOG_OWNER, system },
    }),
    entity('Resource', namespace, 'auto-brand-postgres', {
      description:
        'PostgreSQL database of auto-brand: campaigns, experiments and analytics roll-ups.',
      tags: ['postgres'],
      annotations: k8sAnnotations('auto-brand-postgres', cluster),
      spec: { type: 'database', owner: CATALOG_OWNER, system },
    }),
  );
  return out;
}

const PLATFORM_COMPONENTS = [
  {
    name: 'traefik',
    tags: ['ingress', 'k3s'],
    description:
      'Ingress controller bundled with k3s; the homelab entry point behind the MetalLB address 192.168.10.200.',
  },
  {
    name: 'metallb',
    tags: ['networking', 'load-balancer'],
    description:
      'Bare-metal load balancer announcing LoadBalancer Service addresses on the home LAN (L2 mode).',
  },
  {
    name: 'longhorn',
    tags: ['storage'],
    description:
      'Replicated block storage for the persistent volumes of the cluster.',
  },
  {
    name: 'cert-manager',
    tags: ['tls'],
    description: 'Issues and renews TLS certificates for the ingress routes.',
  },
  {
    name: 'prometheus',
    tags: ['monitoring', 'metrics'],
    description: 'Metrics collection and alerting for the cluster and apps.',
  },
  {
    name: 'loki',
    tags: ['monitoring', 'logs'],
    description: 'Log aggregation for every pod of the cluster.',
  },
  {
    name: 'grafana',
    tags: ['monitoring', 'dashboards'],
    description: 'Dashboards over Prometheus metrics and Loki logs.',
    dependsOn: ['prometheus', 'loki'],
  },
];

function homelabCatalog() {
  const namespace = 'default';
  const cluster = 'homelab';
  const platformSystem = `system:${namespace}/homelab-platform`;
  const appsSystem = `system:${namespace}/selfhosted-apps`;
  const platform = [
    entity('System', namespace, 'homelab-platform', {
      title: 'Homelab platform',
      description:
        'The shared platform of the k3s homelab: ingress, load balancing, storage, certificates and monitoring.',
      spec: { owner: CATALOG_OWNER },
    }),
    ...PLATFORM_COMPONENTS.map(p =>
      entity('Component', namespace, p.name, {
        description: p.description,
        tags: p.tags,
        annotations: k8sAnnotations(p.name, cluster),
        spec: clean({
          type: 'service',
          lifecycle: 'production',
          owner: CATALOG_OWNER,
          system: platformSystem,
          dependsOn: p.dependsOn?.map(d => `component:${namespace}/${d}`),
        }),
      }),
    ),
  ];
  const apps = [
    entity('System', namespace, 'selfhosted-apps', {
      title: 'Self-hosted apps',
      description:
        'The self-hosted applications of the household, one namespace each.',
      spec: { owner: CATALOG_OWNER },
    }),
  ];
  for (const app of APPS) {
    apps.push(
      entity('Component', namespace, app.name, {
        description: app.description,
        tags: ['selfhosted', ...(app.pg ? ['postgres'] : [])],
        annotations: k8sAnnotations(app.name, cluster),
        spec: clean({
          type: 'service',
          lifecycle: 'production',
          owner: CATALOG_OWNER,
          system: appsSystem,
          dependsOn: app.pg
            ? [`resource:${namespace}/${app.name}-postgres`]
            : undefined,
        }),
      }),
    );
  }
  for (const app of APPS.filter(a => a.pg)) {
    apps.push(
      entity('Resource', namespace, `${app.name}-postgres`, {
        description: `PostgreSQL database of ${app.name}.`,
        tags: ['postgres'],
        annotations: k8sAnnotations(`${app.name}-postgres`, cluster),
        spec: { type: 'database', owner: CATALOG_OWNER, system: appsSystem },
      }),
    );
  }
  return {
    'auto-brand.yaml': autoBrandEntities(namespace, cluster),
    'homelab-platform.yaml': platform,
    'selfhosted-apps.yaml': apps,
  };
}

function meshedCatalog() {
  const namespace = 'homelab-meshed';
  const cluster = 'homelab-meshed';
  const traefik = PLATFORM_COMPONENTS.find(p => p.name === 'traefik');
  return {
    'auto-brand.yaml': autoBrandEntities(namespace, cluster),
    'traefik.yaml': [
      entity('Component', namespace, 'traefik', {
        description: `${traefik.description} Not meshed: kube-system is never injected.`,
        tags: traefik.tags,
        annotations: k8sAnnotations('traefik', cluster),
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: CATALOG_OWNER,
        },
      }),
    ],
  };
}

function orgEntities() {
  return [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'homelab-ops',
        namespace: 'default',
        description: 'Runs the homelab k3s cluster and everything on it.',
      },
      spec: {
        type: 'team',
        profile: { displayName: 'Homelab Ops' },
        children: [],
        members: ['operator'],
      },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'operator', namespace: 'default' },
      spec: {
        profile: {
          displayName: 'Homelab Operator',
          email: 'operator@home.arpa',
        },
        memberOf: ['homelab-ops'],
      },
    },
  ];
}

function writeDocs(path, docs) {
  writeFile(path, docs.map(d => toAuthoredYaml(d)).join('---\n'));
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const SNAPSHOTS = [
  {
    dir: 'homelab',
    meshed: false,
    description:
      'Homelab k3s cluster (k3s v1.31.4+k3s1, 3 servers, 4 amd64 agents, 1 arm64 agent) before any service mesh: ' +
      'platform (Traefik, MetalLB, Longhorn, cert-manager, Prometheus/Loki/Grafana), 20 self-hosted apps and the ' +
      'auto-brand system (6 services, an hourly analytics CronJob, NATS JetStream, PostgreSQL). Linkerd is not installed.',
    catalog: homelabCatalog,
  },
  {
    dir: 'homelab-meshed',
    meshed: true,
    description:
      `The same homelab cluster after adopting Linkerd 2.19 (${LINKERD_VERSION}): control plane in the linkerd namespace, ` +
      'auto-brand annotated linkerd.io/inject=enabled and restarted on 2026-11-18 (pods meshed), except experimentation ' +
      'which was not restarted yet; the analytics Job runs the proxy as a native sidecar; the NATS Service has no ' +
      'opaque appProtocol; Traefik stays unmeshed.',
    catalog: meshedCatalog,
  },
];

function main() {
  for (const snap of SNAPSHOTS) {
    const dir = join(EXAMPLES_DIR, snap.dir);
    rmSync(dir, { recursive: true, force: true });
    writeFile(
      join(dir, 'snapshot.yaml'),
      toAuthoredYaml({
        capturedAt: CAPTURED_AT,
        description: snap.description,
      }),
    );
    writeCluster(dir, buildCluster(snap.dir, snap.meshed));
    for (const [file, docs] of Object.entries(snap.catalog()))
      writeDocs(join(dir, 'catalog', file), docs);
  }
  writeDocs(join(EXAMPLES_DIR, 'org.yaml'), orgEntities());
  summarize();
}

// ---------------------------------------------------------------------------------------------
// Read-back check: parse every written file and print what it holds
// ---------------------------------------------------------------------------------------------

function yamlFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap(entry => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return entry.endsWith('.yaml') ? [path] : [];
    });
}

function parseFile(path) {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'));
  const values = [];
  for (const doc of docs) {
    if (doc.errors.length)
      throw new Error(
        `${relative(EXAMPLES_DIR, path)}: ${doc.errors[0].message}`,
      );
    const value = doc.toJS();
    if (value === null || value === undefined) continue;
    if (value.kind === 'List') values.push(...value.items);
    else values.push(value);
  }
  return values;
}

function isMeshed(pod) {
  const containers = [
    ...(pod.spec.containers ?? []),
    ...(pod.spec.initContainers ?? []),
  ];
  return (
    pod.metadata.labels?.['linkerd.io/control-plane-ns'] !== undefined &&
    containers.some(c => c.name === 'linkerd-proxy')
  );
}

function summarize() {
  for (const snap of SNAPSHOTS) {
    const dir = join(EXAMPLES_DIR, snap.dir);
    const objects = yamlFiles(join(dir, 'cluster')).flatMap(parseFile);
    const entities = yamlFiles(join(dir, 'catalog')).flatMap(parseFile);
    parseFile(join(dir, 'snapshot.yaml'));
    const counts = {};
    for (const o of objects) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
    const uids = new Set(objects.map(o => o.metadata.uid));
    if (uids.size !== objects.length)
      throw new Error(`${snap.dir}: duplicate uids`);
    const byUid = new Map(objects.map(o => [o.metadata.uid, o]));
    for (const o of objects) {
      for (const r of o.metadata.ownerReferences ?? []) {
        const owner = byUid.get(r.uid);
        if (!owner || owner.kind !== r.kind || owner.metadata.name !== r.name)
          throw new Error(
            `${snap.dir}: dangling owner of ${o.kind} ${o.metadata.name}`,
          );
      }
    }
    const podIps = objects
      .filter(o => o.kind === 'Pod' && !o.spec.hostNetwork)
      .map(o => o.status.podIP);
    if (new Set(podIps).size !== podIps.length)
      throw new Error(`${snap.dir}: duplicate pod IPs`);
    const abPods = objects.filter(
      o => o.kind === 'Pod' && o.metadata.namespace === AB_NS,
    );
    const entityCounts = {};
    for (const e of entities)
      entityCounts[e.kind] = (entityCounts[e.kind] ?? 0) + 1;
    console.log(`${snap.dir}: ${objects.length} objects`);
    for (const kind of KIND_ORDER)
      if (counts[kind]) console.log(`  ${kind.padEnd(12)} ${counts[kind]}`);
    console.log(
      `  auto-brand pods meshed: ${abPods.filter(isMeshed).length}/${
        abPods.length
      }; all pods meshed: ${
        objects.filter(o => o.kind === 'Pod' && isMeshed(o)).length
      }`,
    );
    console.log(
      `  catalog: ${Object.entries(entityCounts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );
  }
  parseFile(join(EXAMPLES_DIR, 'org.yaml'));
}

main();
