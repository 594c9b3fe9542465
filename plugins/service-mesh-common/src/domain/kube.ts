/**
 * The parts of Kubernetes objects the domain reads. Adapters produce these from API payloads or
 * snapshot files; nothing here depends on a client library.
 */

/** An owner reference, as on `metadata.ownerReferences`. */
export interface OwnerReference {
  kind: string;
  name: string;
  uid?: string;
  controller?: boolean;
}

/** Object metadata. */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  creationTimestamp?: string;
  /** Set while the object is terminating (ISO 8601). */
  deletionTimestamp?: string;
}

/** A container port. */
export interface ContainerPort {
  containerPort: number;
  name?: string;
  protocol?: string;
  hostPort?: number;
}

/** A container or init container. */
export interface Container {
  name: string;
  image?: string;
  ports?: ContainerPort[];
  restartPolicy?: string;
  env?: Array<{ name: string; value?: string }>;
  /** Only the HTTP target of probes is kept (the policy controller authorizes probe paths). */
  livenessProbe?: ContainerProbe;
  readinessProbe?: ContainerProbe;
  startupProbe?: ContainerProbe;
}

/** A probe, reduced to its HTTP target. */
export interface ContainerProbe {
  httpGet?: { port: number | string; path?: string };
}

/** A pod spec (also the spec of pod templates). */
export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  hostNetwork?: boolean;
  nodeName?: string;
  serviceAccountName?: string;
}

/** A pod template. */
export interface PodTemplate {
  metadata?: Partial<ObjectMeta>;
  spec: PodSpec;
}

/** Any object with kind and metadata. */
export interface KubeObject {
  apiVersion?: string;
  kind: string;
  metadata: ObjectMeta;
}

/** A pod. */
export interface Pod extends KubeObject {
  kind: 'Pod';
  spec: PodSpec;
  status?: { phase?: string };
}

/** Deployment, ReplicaSet, StatefulSet, DaemonSet or Job: objects with a pod template. */
export interface TemplatedWorkload extends KubeObject {
  spec: { template: PodTemplate; replicas?: number };
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number };
}

/** A CronJob. */
export interface CronJob extends KubeObject {
  kind: 'CronJob';
  spec: { jobTemplate: { spec: { template: PodTemplate } }; schedule?: string };
}

/** A Service. */
export interface Service extends KubeObject {
  kind: 'Service';
  spec: {
    selector?: Record<string, string>;
    ports?: Array<{ port: number; targetPort?: number | string; name?: string; protocol?: string; appProtocol?: string }>;
    clusterIP?: string;
    type?: string;
    /** `PreferClose` (topology-aware routing, Kubernetes 1.31+), `PreferSameZone`, `PreferSameNode`. */
    trafficDistribution?: string;
  };
}

/** A ConfigMap (only those of the control-plane namespace are ever read). */
export interface ConfigMap extends KubeObject {
  kind: 'ConfigMap';
  data?: Record<string, string>;
}

/** A custom resource (Linkerd policy, Gateway API route): spec kept as served. */
export interface CustomObject extends KubeObject {
  spec?: any;
}

/** Linkerd policy and route objects, when their CRDs are served. */
export interface PolicyObjects {
  servers: CustomObject[];
  authorizationPolicies: CustomObject[];
  meshTLSAuthentications: CustomObject[];
  /** Both `policy.linkerd.io` and `gateway.networking.k8s.io` HTTPRoutes (apiVersion tells). */
  httpRoutes: CustomObject[];
  rateLimits: CustomObject[];
  /** `EgressNetwork`s (spec and status conditions). */
  egressNetworks?: CustomObject[];
}

/** The objects of one cluster that the domain reads, grouped by kind. */
export interface ClusterObjects {
  namespaces: KubeObject[];
  nodes: KubeObject[];
  pods: Pod[];
  replicaSets: TemplatedWorkload[];
  deployments: TemplatedWorkload[];
  statefulSets: TemplatedWorkload[];
  daemonSets: TemplatedWorkload[];
  jobs: TemplatedWorkload[];
  cronJobs: CronJob[];
  services: Service[];
  /** ConfigMaps of the control-plane namespace only. */
  configMaps: ConfigMap[];
  /** Mutating admission webhooks (Linkerd's proxy injector registers one). */
  mutatingWebhooks: KubeObject[];
  /** Validating admission webhooks (Linkerd's sp-validator and policy-validator). */
  validatingWebhooks: KubeObject[];
  /** cert-manager `Certificate`s (spec and status), when their CRD is served. */
  certificates: CustomObject[];
  policies: PolicyObjects;
  /** Prometheus Operator ServiceMonitors and PodMonitors, when their CRDs are served. */
  monitors?: MonitorObjects;
  /** Multi-cluster and mesh expansion (issue 17): `Link`s (multicluster.linkerd.io) and `ExternalWorkload`s (workload.linkerd.io, status kept), when served. */
  links?: CustomObject[];
  externalWorkloads?: CustomObject[];
}

/** `monitoring.coreos.com` ServiceMonitors and PodMonitors: what the cluster's Prometheus scrapes. */
export interface MonitorObjects {
  serviceMonitors: CustomObject[];
  podMonitors: CustomObject[];
}

/** A certificate's identity and validity, parsed by an adapter from public PEM. */
export interface CertificateInfo {
  subject: string;
  /** ISO 8601. */
  notBefore?: string;
  /** ISO 8601. */
  notAfter: string;
}

/** The CA certificates in a webhook configuration's `caBundle`, parsed by an adapter. */
export interface WebhookCaBundle {
  /** Name of the webhook configuration (`linkerd-sp-validator-webhook-config`). */
  webhook: string;
  certificates: CertificateInfo[];
}

/** One cluster as the domain sees it: its name, settings and objects. */
export interface ClusterSnapshot {
  name: string;
  controlPlaneNamespace: string;
  objects: ClusterObjects;
  /** Trust anchors from the public `linkerd-identity-trust-roots` ConfigMap (never the issuer Secret). */
  trustAnchors?: CertificateInfo[];
  /** CAs of Linkerd's webhook configurations (public `caBundle`; the serving certs are in Secrets). */
  webhookCaBundles?: WebhookCaBundle[];
  /** Linkerd's policy CRDs are served (absent CRDs are a normal state: no policy section). */
  policyCrdsServed?: boolean;
}

/** An empty object set, for building snapshots. */
export function emptyClusterObjects(): ClusterObjects {
  return {
    namespaces: [],
    nodes: [],
    pods: [],
    replicaSets: [],
    deployments: [],
    statefulSets: [],
    daemonSets: [],
    jobs: [],
    cronJobs: [],
    services: [],
    configMaps: [],
    mutatingWebhooks: [],
    validatingWebhooks: [],
    certificates: [],
    policies: { servers: [], authorizationPolicies: [], meshTLSAuthentications: [], httpRoutes: [], rateLimits: [], egressNetworks: [] },
    monitors: { serviceMonitors: [], podMonitors: [] },
  };
}
