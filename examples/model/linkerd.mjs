/**
 * Linkerd in the `homelab-meshed` snapshot: the version installed, the trust anchor, and the
 * control plane `linkerd install` created (one replica per component, no HA, no CNI plugin).
 * What the injector adds to meshed pods is in ../generator/inject.mjs.
 */

export const LINKERD_VERSION = 'edge-25.10.7';
export const LINKERD_CRDS_CHART_VERSION = '2025.10.7';
export const LINKERD_NS = 'linkerd';
export const PROXY_IMAGE_NAME = 'cr.l5d.io/linkerd/proxy';
export const PROXY_INIT_IMAGE = 'cr.l5d.io/linkerd/proxy-init:v2.4.3';
export const CLUSTER_NETWORKS =
  '10.0.0.0/8,100.64.0.0/10,172.16.0.0/12,192.168.0.0/16,fd00::/8';
/**
 * The OpenTelemetry collector installed with Linkerd (meshed snapshot only), in `monitoring`:
 * the proxies and the control plane export spans to it over OTLP/gRPC (values `proxy.tracing`,
 * `controller.tracing` below; linkerd2 edge-25.10.7 `charts/linkerd-control-plane/values.yaml`).
 */
export const OTEL_COLLECTOR = {
  namespace: 'monitoring',
  name: 'otel-collector',
  serviceAccount: 'otel-collector',
  port: 4317,
};
export const TRACE_COLLECTOR_ENDPOINT = `${OTEL_COLLECTOR.name}.${OTEL_COLLECTOR.namespace}.svc.cluster.local:${OTEL_COLLECTOR.port}`;
/** Ports Linkerd treats as opaque by default (no protocol detection). */
export const DEFAULT_OPAQUE_PORTS = '25,587,3306,4444,5432,6379,9300,11211';
/** Linkerd installed (CLI) on this day; the trust anchor below was issued just before. */
export const LINKERD_INSTALLED_AT = '2026-11-17T09:20:14Z';

/**
 * Linkerd trust anchor: a real self-signed ECDSA P-256 CA certificate (CN root.linkerd.cluster.local,
 * valid 2026-11-17T09:00:00Z .. 2027-11-17T09:00:00Z, basicConstraints critical CA:TRUE). It was
 * created once with openssl and its private key thrown away; it is only ever read, never used to sign.
 */
export const TRUST_ANCHORS_PEM = `-----BEGIN CERTIFICATE-----
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

const CONTROLLER_IMAGE = `cr.l5d.io/linkerd/controller:${LINKERD_VERSION}`;

/**
 * The control-plane Deployments, created in this order a few seconds after install, each with one
 * pod on `node`. Containers: { name, image, args, ports: [[name, port]], resources: [cpu, memory] };
 * the chart renders the proxy into their templates as the injector would.
 */
export const CONTROL_PLANE = [
  {
    component: 'destination',
    name: 'linkerd-destination',
    node: 'k3s-agent-1',
    containers: [
      {
        name: 'destination',
        image: CONTROLLER_IMAGE,
        args: [
          'destination',
          '-addr=:8086',
          '-controller-namespace=linkerd',
          '-enable-h2-upgrade=true',
          '-log-level=info',
          '-log-format=plain',
          '-cluster-domain=cluster.local',
          `-identity-trust-domain=cluster.local`,
          `-default-opaque-ports=${DEFAULT_OPAQUE_PORTS}`,
          // controller.tracing.enabled, the proxies' endpoint reused (charts/partials/templates/_trace.tpl).
          `-trace-collector=${TRACE_COLLECTOR_ENDPOINT}`,
        ],
        ports: [
          ['grpc', 8086],
          ['admin-http', 9996],
        ],
        resources: ['100m', '50Mi'],
      },
      {
        name: 'sp-validator',
        image: CONTROLLER_IMAGE,
        args: ['sp-validator', '-log-level=info', '-log-format=plain'],
        ports: [
          ['sp-validator', 8443],
          ['admin-http', 9997],
        ],
      },
      {
        name: 'policy',
        image: `cr.l5d.io/linkerd/policy-controller:${LINKERD_VERSION}`,
        args: [
          '--admin-addr=0.0.0.0:9990',
          '--control-plane-namespace=linkerd',
          '--grpc-addr=0.0.0.0:8090',
          '--server-addr=0.0.0.0:9443',
          `--cluster-networks=${CLUSTER_NETWORKS}`,
          '--identity-domain=cluster.local',
          '--cluster-domain=cluster.local',
          '--default-policy=all-unauthenticated',
          '--log-level=info',
          '--log-format=plain',
          `--default-opaque-ports=${DEFAULT_OPAQUE_PORTS}`,
        ],
        ports: [
          ['grpc', 8090],
          ['admin-http', 9990],
          ['policy-https', 9443],
        ],
        resources: ['100m', '50Mi'],
      },
    ],
  },
  {
    component: 'identity',
    name: 'linkerd-identity',
    node: 'k3s-agent-2',
    containers: [
      {
        name: 'identity',
        image: CONTROLLER_IMAGE,
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
          `-trace-collector=${TRACE_COLLECTOR_ENDPOINT}`,
        ],
        ports: [
          ['grpc', 8080],
          ['admin-http', 9990],
        ],
        resources: ['100m', '10Mi'],
      },
    ],
  },
  {
    component: 'proxy-injector',
    name: 'linkerd-proxy-injector',
    node: 'k3s-agent-3',
    containers: [
      {
        name: 'proxy-injector',
        image: CONTROLLER_IMAGE,
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
      },
    ],
  },
];

/**
 * The control-plane Services: `component` is the control-plane component they select;
 * ports: [[name, port, targetPort]].
 */
export const CONTROL_PLANE_SERVICES = [
  {
    name: 'linkerd-dst',
    component: 'destination',
    ports: [['grpc', 8086, 8086]],
  },
  {
    name: 'linkerd-identity',
    component: 'identity',
    ports: [['grpc', 8080, 8080]],
  },
  {
    name: 'linkerd-proxy-injector',
    component: 'proxy-injector',
    ports: [['proxy-injector', 443, 'proxy-injector']],
  },
  {
    name: 'linkerd-policy',
    component: 'destination',
    headless: true,
    ports: [['grpc', 8090, 8090]],
  },
];

/** Pod attributes the proxies add to their spans (the chart's default `proxy.tracing.labels`). */
export const TRACE_LABELS = {
  'k8s.container.name': '$(_pod_containerName)',
  'k8s.pod.ip': '$(_pod_ip)',
  'k8s.pod.uid': '$(_pod_uid)',
};

/** The install values recorded in the `linkerd-config` ConfigMap. */
export const LINKERD_CONFIG_VALUES = {
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
    opaquePorts: DEFAULT_OPAQUE_PORTS,
    // Egress destinations by host (`hostname` on outbound route metrics).
    metrics: { hostnameLabels: true },
    tracing: {
      enabled: true,
      traceServiceName: 'linkerd-proxy',
      labels: TRACE_LABELS,
      collector: {
        endpoint: TRACE_COLLECTOR_ENDPOINT,
        meshIdentity: {
          serviceAccountName: OTEL_COLLECTOR.serviceAccount,
          namespace: OTEL_COLLECTOR.namespace,
        },
      },
    },
  },
  // destination and identity export their own spans (the proxies' collector is reused).
  controller: { tracing: { enabled: true, collector: { endpoint: '' } } },
  proxyInit: {
    image: { name: 'cr.l5d.io/linkerd/proxy-init', version: 'v2.4.3' },
    iptablesMode: 'nft',
  },
};

/** The collector's Deployment and Service (workload spec, see platform.mjs), meshed by its pod annotation. */
export const OTEL_COLLECTOR_WORKLOAD = {
  kind: 'Deployment',
  name: OTEL_COLLECTOR.name,
  labels: { 'app.kubernetes.io/name': 'opentelemetry-collector', 'app.kubernetes.io/instance': OTEL_COLLECTOR.name },
  selector: { 'app.kubernetes.io/name': 'opentelemetry-collector', 'app.kubernetes.io/instance': OTEL_COLLECTOR.name },
  replicas: 1,
  history: [['2026-11-17T09:31:40Z', '0.114.0']],
  image: 'otel/opentelemetry-collector',
  container: {
    name: 'otel-collector',
    args: ['--config=/conf/collector.yaml'],
    ports: [['otlp-grpc', OTEL_COLLECTOR.port], ['otlp-http', 4318]],
    resources: ['50m', '128Mi', '256Mi'],
  },
  podAnnotations: { 'linkerd.io/inject': 'enabled' },
  pod: { serviceAccountName: OTEL_COLLECTOR.serviceAccount },
  nodes: ['k3s-agent-4'],
  services: [{ name: OTEL_COLLECTOR.name, ports: [['otlp-grpc', OTEL_COLLECTOR.port, 'otlp-grpc'], ['otlp-http', 4318, 'otlp-http']] }],
};
