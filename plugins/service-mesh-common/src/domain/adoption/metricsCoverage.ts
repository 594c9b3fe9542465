/**
 * What a cluster's Prometheus holds besides proxy metrics: the sources that cover service
 * traffic without a mesh. Both the Prometheus adapter (fixed, batched queries) and the snapshot
 * evaluator (recorded samples) produce it; its presence for a cluster means the cluster has a
 * Prometheus to ask.
 */
export interface MetricsCoverage {
  cluster: string;
  /** Pods with HTTP/gRPC request series of their own, as `namespace/pod`. */
  podsWithRequestSeries: string[];
  /** Traefik's `service` label values that carry per-service request series (`<ns>-<svc>-<port>@kubernetes`). */
  ingressServices: string[];
  /**
   * The ingress pods (`namespace/pod`) exporting those series, per `service` value: which workload
   * forwards to a Service (absent from producers that did not read the pod labels).
   */
  ingressPods?: Array<{ service: string; pod: string }>;
  /** Pods with message-bus exporter series (the NATS exporter), as `namespace/pod`. */
  busExporterPods: string[];
}

/** Coverage of a cluster whose Prometheus answered but holds none of these series. */
export function emptyMetricsCoverage(cluster: string): MetricsCoverage {
  return { cluster, podsWithRequestSeries: [], ingressServices: [], ingressPods: [], busExporterPods: [] };
}
