import { GeneratedWorkloadPolicy } from './GeneratedPolicy';
import { WorkloadPolicyActivity } from './PolicyActivity';
import { EgressNetworkReport, EntityEgressReport } from './Egress';
import { ClusterTracingReport, WorkloadTracing } from './Tracing';
import { InboundRouteTraffic, RouteActivity } from './RouteActivity';
import { DestinationSubscribers } from './DestinationSubscribers';
import { ClusterMulticlusterReport, CrossClusterEdge, EntityMulticlusterReport, ExternalWorkloadInfo } from './Multicluster';

/** Mesh state of a workload: every counted pod meshed, some, or none. */
export type WorkloadMeshState = 'meshed' | 'partial' | 'unmeshed';

/** Mesh state of an entity; `no-workloads` when nothing in any cluster matched it. */
export type EntityMeshState = WorkloadMeshState | 'no-workloads';

/** Severity of a finding, as shown in the UI and used by scorecards. */
export type FindingSeverity = 'info' | 'warning' | 'error';

/** Stable codes of the findings Meshlens raises. */
export type FindingCode =
  | 'linkerd-not-installed'
  | 'injection-pending-restart'
  | 'proxy-version-drift'
  | 'native-sidecar-recommended'
  | 'opaque-ports-required'
  | 'host-network-unsupported'
  | 'udp-not-proxied'
  | 'other-mesh-present'
  | 'plaintext-inbound'
  | 'certificate-expiring'
  | 'control-plane-unhealthy';

/** A workload of an entity in one cluster (the top-level owner of its pods). */
export interface WorkloadReport {
  cluster: string;
  namespace: string;
  /** `Deployment`, `StatefulSet`, `DaemonSet`, `CronJob`, `Job` or `Pod`. */
  kind: string;
  name: string;
  state: WorkloadMeshState;
  /** Pods carrying the control-plane label and a `linkerd-proxy` container. */
  meshedPods: number;
  /** Pods counted as `linkerd viz stat` counts them: Pending or Running and not terminating. */
  totalPods: number;
  /** `Failed` pods, outside `totalPods` (viz's `failed_pod_count`); absent when none. */
  failedPods?: number;
  /** The proxy runs as a native sidecar (init container with `restartPolicy: Always`). */
  nativeSidecar: boolean;
  /** Proxy version of the meshed pods; the first seen when they differ. */
  proxyVersion?: string;
  /** What `linkerd.io/inject` on the pod template and namespace asks for. */
  injection?: 'enabled' | 'ingress' | 'disabled' | 'absent';
  /** Effective default inbound policy: pod template, else namespace, else cluster default. */
  defaultInboundPolicy?: string;
  /** Linkerd policy and routes that select the workload (when their CRDs are served). */
  policy?: WorkloadPolicy;
  /** Whether its proxies export OpenTelemetry traces (meshed workloads only). */
  tracing?: WorkloadTracing;
  /** Mesh expansion: set when the workload is an `ExternalWorkload` (kind `ExternalWorkload`, no pods). */
  external?: ExternalWorkloadInfo;
}

/** Servers, authorization, routes and rate limits that apply to a workload. */
export interface WorkloadPolicy {
  servers: Array<{ name: string; port: string; proxyProtocol?: string }>;
  authorizationPolicies: Array<{ name: string; target: string; authentications: string[] }>;
  httpRoutes: Array<{
    name: string;
    group: string;
    parent: string;
    retries?: string;
    timeout?: string;
    backends: Array<{ name: string; port?: number; weight: number }>;
  }>;
  rateLimits: Array<{ name: string; server: string; total?: number; identity?: number }>;
}

/** A finding: a stable code, a severity and a plain message, with where it applies. */
export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  message: string;
  cluster?: string;
  namespace?: string;
  workload?: string;
  /** `certificate-expiring`: when the certificate expires (ISO 8601). */
  expiresAt?: string;
}

/** A source that failed while the rest of the report was computed. */
export interface SourceErrorReport {
  /** e.g. `cluster:homelab`, `snapshot:examples/homelab/cluster/apps.yaml`. */
  source: string;
  message: string;
}

/** mTLS state of an entity's meshed workloads, from proxy metrics over the window. */
export interface MtlsReport {
  /**
   * Share of inbound traffic over mTLS, 0..1: HTTP requests with `tls="true"` (kubelet probes and
   * the admin port left out), and for TCP-only ports the `tcp` share; the lower of the two when
   * both kinds of traffic arrived (coverage is only as good as its weakest protocol).
   */
  inboundTlsRatio: number;
  /** Inbound HTTP requests counted in the share (probes and admin traffic excluded). */
  inboundRequests: number;
  /** Inbound requests over mTLS, by client identity. */
  byClient: Array<{ clientId: string; requests: number; share: number }>;
  /** Inbound requests without mTLS, by reason; `expected` for an ingress-facing entity's unmeshed clients. */
  plaintext: Array<{ reason: string; requests: number; share: number; expected: boolean }>;
  /** Open outbound connections with the server's identity, or why there is none. */
  outbound: Array<{ cluster: string; from: string; to: string; serverId?: string; noTlsReason?: string; connections: number }>;
  /**
   * Inbound TCP traffic on ports that carried no HTTP requests (opaque and server-speaks-first
   * servers: NATS, PostgreSQL, MySQL, Redis), from the proxy's TCP families: the share over mTLS
   * by bytes read from clients (by open connections when no bytes moved in the window).
   */
  tcp?: {
    inboundTlsRatio: number;
    bytes: number;
    connections: number;
    byClient: Array<{ clientId: string; bytes: number; connections: number; share: number }>;
    plaintext: Array<{ reason: string; bytes: number; connections: number; share: number; expected: boolean }>;
  };
  /**
   * Inbound traffic left out of the mTLS share and the plaintext findings because it is expected to
   * be plaintext: kubelet probes (`route_name="probe"`) and scrapes of the proxy admin port (4191).
   */
  excluded?: Array<{ kind: 'probe' | 'admin'; requests: number }>;
  /** The proxies' configured crypto (`rustls_info`): configuration, not per-connection negotiation. */
  crypto?: { suites: string[]; kxGroups: string[]; postQuantumPreferred: boolean; fips: boolean };
  /** Earliest expiry of the proxies' leaf certificates (ISO 8601). */
  leafCertificateExpiresAt?: string;
  /** When the metrics were observed (end of the window): a snapshot's capture time, or now. */
  observedAt?: string;
}

/**
 * Golden metrics: success rate and RPS with `linkerd viz stat`'s formulas over every inbound
 * request (kubelet probes and admin-port scrapes included, as viz counts them); latency quantiles
 * from the histogram's increase over the whole window (viz stat takes `irate` over the last samples).
 */
export interface GoldenMetrics {
  successRate: number;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number };
}

/** Identifier of an adoption trigger (adoption-model.md §2). */
export type TriggerId =
  | 'scale'
  | 'multi-team'
  | 'compliance'
  | 'canary'
  | 'observability';

/** Adoption recommendation (adoption-model.md §4). */
export type Recommendation =
  | 'adopt-now'
  | 'prepare'
  | 'not-yet'
  | 'already-meshed';

/** One adoption trigger with its evidence. */
export interface TriggerReport {
  id: TriggerId;
  fired: boolean;
  strength: number;
  /** Share of the trigger's bar reached, 0..1 (1 when fired); `strength` when absent. */
  progress?: number;
  evidence: string[];
  /** What would fire it, or clear it, in plain words. */
  whatWouldChange?: string;
}

/** Adoption triggers, cost and score of an entity. */
export interface AdoptionReport {
  score: number;
  recommendation: Recommendation;
  /** Why: the fired triggers, or the closest one and what would change the answer. */
  explanation: string;
  triggers: TriggerReport[];
  cost: {
    sidecarMemoryMiB: number;
    controlPlaneMemoryMiB: number;
    /** Sidecars + control plane + Prometheus per meshed pod. */
    totalMemoryMiB: number;
    /** Allocatable memory of the entity's clusters, to weigh the total against. */
    allocatableMemoryMiB: number;
    /** Operational and compatibility statements (plain text, not a number). */
    statements: string[];
  };
}

/** One step of the adoption runbook. */
export interface RunbookStep {
  id: string;
  /** One of the ten phases of adoption-model.md §5, in order. */
  phase: RunbookPhase;
  title: string;
  /** Why the step matters here. */
  why: string;
  commands: string[];
  /** How to check the step worked. */
  verify: string[];
  /** How to undo it. */
  rollback: string[];
  /** The live state already satisfies the step. */
  done: boolean;
}

/** The phases of an adoption runbook, in order. */
export type RunbookPhase =
  | 'prerequisites'
  | 'certificates'
  | 'install'
  | 'verify-control-plane'
  | 'mesh-workloads'
  | 'verify-traffic'
  | 'policies'
  | 'observability'
  | 'failure-scenarios'
  | 'rollback-and-removal';

/** Linkerd control plane of a cluster, as far as the report needs it. */
export interface ClusterMeshSummary {
  name: string;
  linkerdInstalled: boolean;
  linkerdVersion?: string;
  controlPlaneNamespace: string;
  /** Every control-plane deployment has its desired replicas ready. */
  controlPlaneHealthy?: boolean;
  /** The proxy injector's mutating webhook is registered (without it nothing gets injected). */
  injectorWebhookPresent?: boolean;
  /** High availability: every control-plane deployment runs 3 or more replicas. */
  highAvailability?: boolean;
  /** Linkerd's policy CRDs are served (Servers, AuthorizationPolicies, HTTPRoutes…). */
  policyCrdsServed?: boolean;
  /** Trust anchors (public ConfigMap) with their expiry. */
  trustAnchors?: Array<{ subject: string; notAfter: string }>;
  /** Cluster default of `config.linkerd.io/default-inbound-policy` (from `linkerd-config`). */
  defaultInboundPolicy?: string;
  /** The identity issuer certificate's validity, read without Secrets; when Linkerd is installed. */
  issuerCertificate?: IssuerCertificate;
  /** Webhook certificates whose validity is readable without Secrets. */
  webhookCertificates?: WebhookCertificate[];
  /** OpenTelemetry tracing of the proxies and the control plane (`linkerd-config`), when Linkerd is installed. */
  tracing?: ClusterTracingReport;
  /** The cluster's EgressNetworks, when their CRD is served. */
  egressNetworks?: EgressNetworkReport[];
}

/**
 * The identity issuer certificate: from its cert-manager `Certificate`, else from the
 * `issuer_cert_ttl_seconds` metric, else `unknown` with the reason.
 */
export interface IssuerCertificate {
  source: 'cert-manager' | 'metric' | 'unknown';
  /** `namespace/name` of the cert-manager Certificate. */
  certificate?: string;
  notBefore?: string;
  notAfter?: string;
  /** When cert-manager renews it. */
  renewalTime?: string;
  /** The Certificate's `Ready` condition. */
  ready?: boolean;
  /** Why the expiry is unknown. */
  reason?: string;
}

/** A Linkerd webhook's certificate: its cert-manager Certificate, or the CA in its configuration's caBundle. */
export interface WebhookCertificate {
  /** `proxy-injector`, `sp-validator` or `policy-validator`. */
  webhook: string;
  source: 'cert-manager' | 'caBundle';
  certificate?: string;
  subject?: string;
  notBefore?: string;
  notAfter: string;
}

/**
 * The mesh report of one catalog entity: `GET /v1/entities/:kind/:namespace/:name`.
 * The field names are the HTTP contract (product.md §5).
 */
export interface EntityMeshReport {
  entityRef: string;
  generatedAt: string;
  state: EntityMeshState;
  workloads: WorkloadReport[];
  findings: Finding[];
  /** The clusters the entity was looked up in. */
  clusters: ClusterMeshSummary[];
  /** Absent until proxy metrics are read. */
  mtls?: MtlsReport;
  /** Absent until proxy metrics are read. */
  goldenMetrics?: GoldenMetrics;
  /** Absent until the adoption model is computed. */
  adoption?: AdoptionReport;
  runbook: { steps: RunbookStep[] };
  /** Authorization policy generated from observed traffic and the catalog, per meshed workload. */
  generatedPolicy?: GeneratedWorkloadPolicy[];
  /** Multi-cluster: the entity's exported Services and where they are mirrored. */
  multicluster?: EntityMulticlusterReport;
  errors: SourceErrorReport[];
}

/**
 * Traffic between an entity's workload and a peer: seen by the caller's proxy when the caller is
 * meshed; for callers without a proxy (`meshed: false`), derived from the entity's own inbound
 * metrics (see `unmeshedCallers`).
 */
export interface EdgeReport {
  cluster: string;
  /**
   * The peer workload, `namespace/Kind/name`. For an unmeshed caller: the ingress's workload when
   * it is known (`kube-system/Deployment/traefik`), else `Traefik` or `unmeshed clients`.
   */
  peer: string;
  /**
   * `false` for callers without a Linkerd proxy, seen only on the entity's side as plaintext
   * requests. Absent for meshed peers (edges from the caller's outbound metrics).
   */
  meshed?: boolean;
  /**
   * What an unmeshed caller is: `ingress` when the ingress's own metrics show it forwarding to a
   * Service of the entity (Traefik's `traefik_service_requests_total`), `clients` when nothing
   * names them. Absent for meshed peers.
   */
  peerKind?: 'ingress' | 'clients';
  /** The catalog entity running the peer workload, when known. */
  peerEntityRef?: string;
  /** The entity's own workload on this edge, `namespace/Kind/name`. */
  workload: string;
  successRate?: number;
  rps: number;
  /** Absent for unmeshed callers: Meshlens reads the inbound latency per workload, not per TLS state. */
  latencyMs?: { p50: number; p95: number; p99: number };
  /**
   * `mtls` when all of the edge's traffic in the window carried TLS identities, `partial` when some
   * did (see `tlsShare`), else `plaintext`.
   */
  security: 'mtls' | 'partial' | 'plaintext';
  /** Share of the edge's traffic (requests, or connections/bytes for TCP) over mTLS, 0..1. */
  tlsShare?: number;
  /** `http` when the edge carries requests, `tcp` when only connections and bytes (NATS, databases, opaque ports). */
  protocol?: 'http' | 'tcp';
  /** The client's identity (the caller's ServiceAccount identity): shown in the Callers table. */
  clientId?: string;
  /** The server's identity: shown in the Callees table. */
  serverId?: string;
  noTlsReason?: string;
  /**
   * Open connections at the end of the window (TCP traffic such as NATS shows only this). 0 for
   * unmeshed callers: the entity's inbound connections are not attributed to clients.
   */
  connections: number;
}

/**
 * One point of an entity's golden-metric time series. A point covers the `increase()` range that
 * ends at `t` (at least two scrapes, see the backend's `seriesSteps`).
 */
export interface GoldenMetricsPoint {
  /** ISO 8601 end of the step. */
  t: string;
  /** Absent when the step had no request (or no data). */
  successRate?: number;
  /**
   * Requests per second over the point's range. `null` when the step has no data for the
   * entity's workloads (no samples: a gap, to be drawn as one, never as 0); `0` when the series
   * were there and did not increase.
   */
  rps: number | null;
  /** Absent when the step had no request (or no data). */
  latencyMs?: { p50: number; p95: number; p99: number };
}

/**
 * Topology-aware routing as observed: the entity's outbound requests by the destination's zone
 * relative to the caller's node (`dst_zone_locality`), and the share that stayed in the zone.
 */
export interface ZoneLocalityReport {
  localRequests: number;
  remoteRequests: number;
  /** Requests whose zone locality was unknown (a node without a zone label, or no zone in the endpoint). */
  unknownRequests: number;
  /** local / (local + remote), 0..1; absent when no request had a known locality. */
  localShare?: number;
  /** The HTTP-called Services' topology-aware routing setting (`spec.trafficDistribution`, `service.kubernetes.io/topology-mode`). */
  services?: Array<{ cluster: string; namespace: string; name: string; trafficDistribution?: string; topologyMode?: string }>;
}

/** `GET /v1/entities/:kind/:namespace/:name/metrics?window=…` */
export interface EntityMetricsResponse {
  entityRef: string;
  generatedAt: string;
  /** The window as requested (`1h` by default). */
  window: string;
  windowSeconds: number;
  goldenMetrics?: GoldenMetrics;
  mtls?: MtlsReport;
  series: GoldenMetricsPoint[];
  /**
   * Callers of the entity: meshed ones from their outbound metrics, then at most one unmeshed
   * caller per workload (`meshed: false`: the ingress, or `unmeshed clients`) carrying the
   * plaintext requests the entity received that no meshed caller reported (kubelet probes and the
   * admin port left out).
   */
  callers: EdgeReport[];
  /** What the entity calls (from its own outbound metrics). */
  callees: EdgeReport[];
  /** Denied, rate-limited and audit-only traffic per workload (clusters with Prometheus only). */
  policyActivity?: WorkloadPolicyActivity[];
  /** Where its outbound requests went by zone (topology-aware routing), when the metrics say. */
  zoneLocality?: ZoneLocalityReport;
  /** Traffic that left the mesh (EgressNetwork or no in-cluster destination), with findings; absent when none. */
  egress?: EntityEgressReport;
  /** Its HTTPRoutes in action (retries, timeouts, observed split) and inbound requests by route (clusters with Prometheus or recorded metrics). */
  routeActivity?: RouteActivity[];
  inboundRoutes?: InboundRouteTraffic[];
  /** Calls to mirror Services (another cluster's Services), when the clusters' Prometheus answered. */
  crossClusterEdges?: CrossClusterEdge[];
  errors: SourceErrorReport[];
}

/** `GET /v1/clusters`: one entry per configured cluster. */
export interface ClusterReport extends ClusterMeshSummary {
  source: 'snapshot' | 'kubernetes';
  /** The source has read everything once (watch caches synced, snapshot loaded). */
  synced: boolean;
  /** The cluster's "now": capture time of a snapshot, current time of a live cluster. */
  observedAt: string;
  /** `workloads` and `meshedWorkloads` include the ExternalWorkloads (`externalWorkloads`), which have no pods. */
  counts: { namespaces: number; workloads: number; meshedWorkloads: number; pods: number; meshedPods: number; externalWorkloads?: number };
  findings: Finding[];
  /** The adoption verdict for the whole cluster (when the catalog's relations are known). */
  adoption?: ClusterAdoptionReport;
  /** The Services with the most destination subscribers (when Prometheus scrapes the control plane). */
  destinationHotSpots?: DestinationSubscribers[];
  /** Links (with their gateway probes), mirror and federated Services. */
  multicluster?: ClusterMulticlusterReport;
  errors: SourceErrorReport[];
}

/** `GET /v1/clusters`: every configured cluster; `errors` names what is missing (e.g. no clusters configured). */
export interface ClusterList {
  clusters: ClusterReport[];
  errors: SourceErrorReport[];
}

/** A system (or a service outside any system) of the cluster, as close as it is to a trigger. */
export interface SystemAdoptionSummary {
  /** `system:default/auto-brand`, or the entity's ref when it belongs to no system. */
  ref: string;
  recommendation: Recommendation;
  /** Highest score among its entities. */
  score: number;
  entities: number;
  closestTrigger?: TriggerId;
  /** Share of its bar the closest trigger reached, 0..1. */
  progress: number;
  /** The closest trigger's evidence and what would change it, in one text. */
  summary: string;
  /** The closest trigger's first line of evidence. */
  evidence?: string;
  /** What would fire or clear the closest trigger. */
  whatWouldChange?: string;
}

/** What Linkerd would add to the whole cluster (adoption-model.md §3). */
export interface ClusterAdoptionCost {
  controlPlaneMemoryMiB: number;
  /** Pods that would get a proxy: outside system namespaces, not host-network, not meshed yet. */
  meshablePods: number;
  sidecarMemoryMiB: number;
  /** Extras the model adds, named separately (Prometheus for the proxies' metrics). */
  extras: Array<{ name: string; memoryMiB: number; why: string }>;
  /** Control plane + sidecars + extras. */
  totalMemoryMiB: number;
  allocatableMemoryMiB: number;
  statements: string[];
}

/** The founding evaluation's question for a whole cluster: `GET /v1/clusters` → `adoption`. */
export interface ClusterAdoptionReport {
  score: number;
  recommendation: Recommendation;
  explanation: string;
  /** The five triggers evaluated over the whole cluster, with evidence. */
  triggers: TriggerReport[];
  /** The systems closest to their bars, closest first (at most five). */
  closestSystems: SystemAdoptionSummary[];
  cost: ClusterAdoptionCost;
}

/** One entity's mesh summary, as listed by the group rollup and `GET /v1/entities`. */
export interface EntityMeshSummary {
  entityRef: string;
  state: EntityMeshState;
  meshedPods: number;
  totalPods: number;
  inboundTlsRatio?: number;
  successRate?: number;
  recommendation?: Recommendation;
  score?: number;
  /** Ids of the adoption triggers that fired. */
  triggersFired?: TriggerId[];
  /** Findings of severity warning or error. */
  warnings: number;
  /** Clusters the entity's workloads run in. */
  clusters: string[];
}

/** `GET /v1/entities`: every entity tied to Kubernetes that the caller may see. */
export interface EntityMeshList {
  entities: EntityMeshSummary[];
  errors: SourceErrorReport[];
}

/** `GET /v1/groups/:namespace/:name`: a team's rollup over the entities it owns (child groups included). */
export interface GroupRollup {
  groupRef: string;
  /** The group and its descendants whose entities are included. */
  groups: string[];
  /** Meshed pods / pods over every owned entity. */
  meshedPodRatio?: number;
  /** Inbound requests over mTLS / inbound requests, over every owned entity with metrics. */
  mtlsInboundRatio?: number;
  worstSuccessRate?: { entityRef: string; successRate: number };
  warnings: number;
  entities: EntityMeshSummary[];
  errors: SourceErrorReport[];
}

/** One recorded point of an entity's mesh history (the scheduled history task writes one per run). */
export interface MeshHistoryPoint {
  /** ISO 8601. */
  recordedAt: string;
  state: EntityMeshState;
  score?: number;
  recommendation?: Recommendation;
  triggersFired: TriggerId[];
  /** Meshed pods / pods; absent without pods. */
  meshedPodRatio?: number;
  /** Inbound requests over mTLS / inbound requests in the metrics window; absent without metrics. */
  mtlsInboundRatio?: number;
}

/** `GET /v1/entities/:kind/:namespace/:name/history`: oldest point first. */
export interface EntityMeshHistory {
  entityRef: string;
  points: MeshHistoryPoint[];
  errors: SourceErrorReport[];
}
