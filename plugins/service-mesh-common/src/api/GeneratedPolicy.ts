/** Linkerd's `Server.spec.proxyProtocol` values (policy.linkerd.io/v1beta3). */
export type ProxyProtocol = 'unknown' | 'HTTP/1' | 'HTTP/2' | 'gRPC' | 'opaque' | 'TLS';

/** A client identity allowed by a generated `MeshTLSAuthentication`, and where it comes from. */
export interface PolicyCaller {
  /** The caller's mTLS identity, `<sa>.<ns>.serviceaccount.identity.linkerd.<trust domain>`. */
  identity: string;
  /** Seen calling the workload in the metrics window. */
  seen: boolean;
  /** Declared by the catalog (`dependsOn` / `consumesApi` of an entity pointing at this one). */
  declared: boolean;
  /** Seen in traffic but not declared in the catalog: review before enforcing. */
  undeclared: boolean;
  /** Catalog entities whose workloads run under this identity (when known). */
  entityRefs: string[];
}

/** A port of the workload that gets a `Server`, with the protocol chosen and why. */
export interface GeneratedPolicyPort {
  port: number;
  name?: string;
  proxyProtocol: ProxyProtocol;
  /** Why this protocol (Service appProtocol, opaque-ports, server-speaks-first, port name…). */
  reason: string;
  /** Kubelet HTTP probes target this port. */
  httpProbes: boolean;
}

/** Authorization policy generated from observed traffic and the catalog for one meshed workload. */
export interface GeneratedWorkloadPolicy {
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  serviceAccount: string;
  ports: GeneratedPolicyPort[];
  callers: PolicyCaller[];
  /** The Kubernetes documents, in apply order (what `yaml` renders, without comments). */
  documents: Array<Record<string, unknown>>;
  /** The documents as commented YAML, ready for `kubectl apply -f`. */
  yaml: string;
  /** The audit-first rollout: apply, watch, enforce. */
  rollout: string[];
  /** What an operator must know before enforcing (no callers, unauthenticated callers…). */
  notes: string[];
}
