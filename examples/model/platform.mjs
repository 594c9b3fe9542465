/**
 * The shared platform, identical in both snapshots: k3s's own kube-system (CoreDNS, Traefik),
 * MetalLB, Longhorn, cert-manager and the monitoring stack. One entry per namespace:
 * { name, created, workloads }.
 *
 * A workload spec (here, in apps and in auto-brand):
 *   kind        Deployment | StatefulSet | DaemonSet
 *   name        object name;  entity: the catalog entity (label backstage.io/kubernetes-id)
 *   labels      extra labels on the workload, its template and pods; selector: the selector labels
 *   replicas    desired pods (not for DaemonSets)
 *   history     [[when, version], ...]: Deployment ReplicaSets / StatefulSet & DaemonSet revisions,
 *               oldest first, the last is current. `when` is days before capturedAt (shifted back
 *               by up to ~9 hours, derived from the name) or an ISO time.
 *   image       image repository (the version is the tag)
 *   container   { name, ports: [[name, port, protocol?]], env: [[name, value]], args, command,
 *                 resources: [cpuRequest, memoryRequest, memoryLimit?] }
 *   podAnnotations annotations of the pod template (e.g. prometheus.io/scrape)
 *   sidecars    more containers of the pod: [{ name, image (with its tag), ports, args, resources }]
 *   pod         extra pod spec fields (hostNetwork, serviceAccountName, priorityClassName, ...)
 *   nodes       node names for replicas / ordinals (default: spread over the amd64 agents by hash)
 *   services    [{ name, ports: [[name, port, targetPort?, protocol?]], type, loadBalancerIP,
 *                 clusterIP, headless, labels, selector }]
 *   volumeClaim { name, size, mountPath } for StatefulSets; serviceName: their governing Service
 *   podManagementPolicy  StatefulSet pod management (default OrderedReady)
 * Key order inside `labels` and `pod` feeds the pod-template hash: keep it when editing.
 */

/** Namespaces the API server creates itself, and the `kubernetes` Service in `default`. */
export const BUILTIN_NAMESPACES = [
  { name: 'default', created: '2025-09-14T10:21:34Z' },
  { name: 'kube-node-lease', created: '2025-09-14T10:21:35Z' },
  { name: 'kube-public', created: '2025-09-14T10:21:36Z' },
];
export const KUBERNETES_SERVICE = {
  name: 'kubernetes',
  clusterIP: '10.43.0.1',
  created: '2025-09-14T10:21:35Z',
  labels: { component: 'apiserver', provider: 'kubernetes' },
  selector: null,
  ports: [['https', 443, 6443]],
};

const KUBE_SYSTEM = {
  name: 'kube-system',
  created: '2025-09-14T10:21:33Z',
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

const CERT_MANAGER = {
  name: 'cert-manager',
  created: '2025-09-15T19:48:22Z',
  workloads: [
    {
      kind: 'Deployment',
      name: 'cert-manager',
      entity: 'cert-manager',
      labels: {
        app: 'cert-manager',
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/instance': 'cert-manager',
        'app.kubernetes.io/name': 'cert-manager',
        'app.kubernetes.io/part-of': 'homelab-platform',
      },
      selector: {
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/instance': 'cert-manager',
        'app.kubernetes.io/name': 'cert-manager',
      },
      replicas: 1,
      history: [['2025-09-15T19:48:30Z', 'v1.16.2']],
      image: 'quay.io/jetstack/cert-manager-controller',
      container: {
        name: 'cert-manager-controller',
        args: [
          '--v=2',
          '--cluster-resource-namespace=$(POD_NAMESPACE)',
          '--leader-election-namespace=kube-system',
          '--acme-http01-solver-image=quay.io/jetstack/cert-manager-acmesolver:v1.16.2',
          '--max-concurrent-challenges=60',
        ],
        env: [
          ['POD_NAMESPACE', { fieldRef: { fieldPath: 'metadata.namespace' } }],
        ],
        ports: [
          ['http-metrics', 9402],
          ['http-healthz', 9403],
        ],
        resources: ['10m', '64Mi'],
      },
      pod: { serviceAccountName: 'cert-manager' },
      nodes: ['k3s-server-1'],
      services: [
        {
          name: 'cert-manager',
          ports: [['tcp-prometheus-servicemonitor', 9402, 'http-metrics']],
        },
      ],
    },
    {
      kind: 'Deployment',
      name: 'cert-manager-webhook',
      entity: 'cert-manager',
      labels: {
        app: 'webhook',
        'app.kubernetes.io/component': 'webhook',
        'app.kubernetes.io/instance': 'cert-manager',
        'app.kubernetes.io/name': 'webhook',
        'app.kubernetes.io/part-of': 'homelab-platform',
      },
      selector: {
        'app.kubernetes.io/component': 'webhook',
        'app.kubernetes.io/instance': 'cert-manager',
        'app.kubernetes.io/name': 'webhook',
      },
      replicas: 1,
      history: [['2025-09-15T19:48:30Z', 'v1.16.2']],
      image: 'quay.io/jetstack/cert-manager-webhook',
      container: {
        name: 'cert-manager-webhook',
        args: [
          '--v=2',
          '--secure-port=10250',
          '--dynamic-serving-ca-secret-namespace=$(POD_NAMESPACE)',
          '--dynamic-serving-ca-secret-name=cert-manager-webhook-ca',
          '--dynamic-serving-dns-names=cert-manager-webhook,cert-manager-webhook.$(POD_NAMESPACE),cert-manager-webhook.$(POD_NAMESPACE).svc',
        ],
        env: [
          ['POD_NAMESPACE', { fieldRef: { fieldPath: 'metadata.namespace' } }],
        ],
        ports: [
          ['https', 10250],
          ['healthcheck', 6080],
          ['http-metrics', 9402],
        ],
        resources: ['10m', '64Mi'],
      },
      pod: { serviceAccountName: 'cert-manager-webhook' },
      nodes: ['k3s-server-2'],
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
    {
      kind: 'Deployment',
      name: 'cert-manager-cainjector',
      entity: 'cert-manager',
      labels: {
        app: 'cainjector',
        'app.kubernetes.io/component': 'cainjector',
        'app.kubernetes.io/instance': 'cert-manager',
        'app.kubernetes.io/name': 'cainjector',
        'app.kubernetes.io/part-of': 'homelab-platform',
      },
      selector: {
        'app.kubernetes.io/component': 'cainjector',
        'app.kubernetes.io/instance': 'cert-manager',
        'app.kubernetes.io/name': 'cainjector',
      },
      replicas: 1,
      history: [['2025-09-15T19:48:30Z', 'v1.16.2']],
      image: 'quay.io/jetstack/cert-manager-cainjector',
      container: {
        name: 'cert-manager-cainjector',
        args: ['--v=2', '--leader-election-namespace=kube-system'],
        env: [
          ['POD_NAMESPACE', { fieldRef: { fieldPath: 'metadata.namespace' } }],
        ],
        ports: [['http-metrics', 9402]],
        resources: ['10m', '64Mi'],
      },
      pod: { serviceAccountName: 'cert-manager-cainjector' },
      nodes: ['k3s-server-3'],
    },
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
      podAnnotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '9090',
      },
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
      podAnnotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '3100',
      },
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
      podAnnotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '3000',
      },
      pod: { serviceAccountName: 'grafana' },
      nodes: ['k3s-agent-4'],
      services: [{ name: 'grafana', ports: [['service', 80, 'grafana']] }],
    },
  ],
};

/** In build order (the order allocates Service IPs, node ports and pod IPs). */
export const PLATFORM = [
  KUBE_SYSTEM,
  METALLB,
  LONGHORN,
  CERT_MANAGER,
  MONITORING,
];
