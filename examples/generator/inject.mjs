// What Linkerd's proxy injector adds to a pod, following the real injector output of 2.19
// (/work/shared/data/linkerd-2.19/injected/): labels, annotations, linkerd-init, the proxy
// container (or native sidecar) and its volumes.
import {
  CLUSTER_NETWORKS,
  DEFAULT_OPAQUE_PORTS,
  LINKERD_NS,
  LINKERD_VERSION,
  PROXY_IMAGE_NAME,
  PROXY_INIT_IMAGE,
  LINKERD_CONFIG_VALUES,
  TRUST_ANCHORS_PEM,
} from '../model/linkerd.mjs';
import { sha256 } from './ids.mjs';
import { container } from './podSpec.mjs';
import { clean } from './yaml.mjs';

const PROXY_IMAGE = `${PROXY_IMAGE_NAME}:${LINKERD_VERSION}`;
/** What the injector writes in `linkerd.io/trust-root-sha256`: sha256 of the PEM text. */
const TRUST_ROOT_SHA256 = sha256(TRUST_ANCHORS_PEM);

/** `_pod_uid`/`_pod_ip` exist for the trace attributes (`charts/partials/templates/_proxy.tpl`). */
const POD_FIELDS = [
  ['_pod_uid', { fieldRef: { fieldPath: 'metadata.uid' } }],
  ['_pod_ip', { fieldRef: { fieldPath: 'status.podIP' } }],
];

/**
 * `proxy.metrics.hostnameLabels` and, when `proxy.tracing.enabled`, the trace collector, as the
 * 2.19 chart renders them into the proxy's env (linkerd2 edge-25.10.7
 * `charts/partials/templates/_proxy.tpl`; the collector's identity is
 * `<sa>.<ns>.serviceaccount.identity.<control-plane ns>.<clusterDomain>`).
 */
function metricsAndTracingEnv() {
  const proxy = LINKERD_CONFIG_VALUES.proxy;
  const env = [['LINKERD2_PROXY_OUTBOUND_METRICS_HOSTNAME_LABELS', String(proxy.metrics?.hostnameLabels ?? false)]];
  const t = proxy.tracing;
  if (!t?.enabled) return env;
  const id = t.collector.meshIdentity;
  return [
    ...env,
    ['LINKERD2_PROXY_TRACE_ATTRIBUTES_PATH', '/var/run/linkerd/podinfo/labels'],
    ['LINKERD2_PROXY_TRACE_ANNOTATIONS_PATH', '/var/run/linkerd/podinfo/annotations'],
    ['LINKERD2_PROXY_TRACE_PROTOCOL', 'opentelemetry'],
    ['LINKERD2_PROXY_TRACE_SERVICE_NAME', t.traceServiceName],
    ['LINKERD2_PROXY_TRACE_COLLECTOR_SVC_ADDR', t.collector.endpoint],
    ['LINKERD2_PROXY_TRACE_COLLECTOR_SVC_NAME', `${id.serviceAccountName}.${id.namespace}.serviceaccount.identity.${LINKERD_NS}.${LINKERD_CONFIG_VALUES.clusterDomain}`],
    ['LINKERD2_PROXY_TRACE_EXTRA_ATTRIBUTES', Object.entries(t.labels).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}\n`).join('')],
  ];
}

export function proxyEnv(inboundPorts) {
  const env = [
    ['_pod_name', { fieldRef: { fieldPath: 'metadata.name' } }],
    ['_pod_ns', { fieldRef: { fieldPath: 'metadata.namespace' } }],
    ...(LINKERD_CONFIG_VALUES.proxy.tracing?.enabled ? POD_FIELDS : []),
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
    ...metricsAndTracingEnv(),
    [
      'LINKERD2_PROXY_INBOUND_PORTS_DISABLE_PROTOCOL_DETECTION',
      DEFAULT_OPAQUE_PORTS,
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

export function httpProbe(path, extra = {}) {
  return {
    failureThreshold: 3,
    httpGet: { path, port: 4191, scheme: 'HTTP' },
    periodSeconds: 10,
    successThreshold: 1,
    timeoutSeconds: 1,
    ...extra,
  };
}

export function proxyContainer(inboundPorts, native) {
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

export function proxyInitContainer() {
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
export function inject(
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
