import { FindingSeverity } from './EntityMeshReport';

/** `EgressNetwork.spec.trafficPolicy`: what happens to traffic no route of the network describes. */
export type EgressTrafficPolicy = 'Allow' | 'Deny';

/** An `EgressNetwork` (policy.linkerd.io/v1alpha1) as the cluster report shows it. */
export interface EgressNetworkReport {
  namespace: string;
  name: string;
  trafficPolicy: EgressTrafficPolicy | string;
  /** `spec.networks[].cidr` with its `except` list; empty: every network outside the cluster networks. */
  networks: Array<{ cidr: string; except?: string[] }>;
  /** The policy controller's `Accepted` condition: true, false (with its reason), or unknown (no status yet). */
  accepted?: boolean;
  /** Reason and message of a false `Accepted` (e.g. `EgressReasonNetworkOverlap`). */
  reason?: string;
}

/**
 * How the proxy carried traffic to an external destination: `http` (it read plaintext HTTP
 * requests), `tls` (a TLSRoute matched the app's own TLS by SNI), `tcp` (opaque: neither HTTP nor
 * a TLSRoute; encryption cannot be told from the metrics).
 */
export type EgressProtocol = 'http' | 'tls' | 'tcp';

/** One external destination one of the entity's workloads called in the window. */
export interface EgressDestination {
  cluster: string;
  /** `namespace/Kind/name` of the calling workload, as in edge reports. */
  workload: string;
  /** `namespace/name` of the EgressNetwork the traffic matched; absent: no EgressNetwork (`egress-fallback`). */
  network?: string;
  /** The network's `trafficPolicy` when the cluster report knows the EgressNetwork. */
  trafficPolicy?: string;
  /** The host (`hostname` label: request authority or SNI, when the proxies export it), else the IP. */
  host?: string;
  port?: number;
  protocol: EgressProtocol;
  /** `plaintext` (HTTP), `tls` (the app's TLS, seen by SNI), `unknown` (opaque TCP). */
  tls: 'plaintext' | 'tls' | 'unknown';
  /** `kind/name` of the route(s) that matched (`default/http-egress-allow`, `TLSRoute/llm-provider`). */
  routes: string[];
  /** Requests (HTTP) or connections opened (TLS, TCP) per second over the window. */
  rps: number;
  /** Share of requests/connections that succeeded (HTTP: no 5xx, no error; TCP/TLS: closed without error), 0..1. */
  successRate?: number;
  /** Requests or connections refused by an EgressNetwork's Deny policy (`*-egress-deny` routes). */
  denied: number;
}

/** A problem with the entity's egress. */
export interface EgressFinding {
  code: 'egress-plaintext-tls-port' | 'egress-denied';
  severity: FindingSeverity;
  message: string;
  cluster: string;
  workload: string;
  destination: string;
}

/** The traffic that leaves the mesh from the entity's workloads, with its findings. */
export interface EntityEgressReport {
  destinations: EgressDestination[];
  findings: EgressFinding[];
}
