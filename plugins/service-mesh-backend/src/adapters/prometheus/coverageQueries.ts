/**
 * The fixed queries that find metrics sources other than Linkerd's proxies (adoption-model.md §2,
 * observability): one query each, over the whole cluster, at the end of the window (Prometheus's
 * 5-minute lookback). Nothing from an entity or a request reaches PromQL.
 */

/**
 * Request-count series that HTTP/gRPC servers export themselves: the Prometheus client
 * convention and prometheus-fastapi-instrumentator (`http_requests_total`,
 * `http_request_duration_seconds_count`), Spring Boot/Micrometer
 * (`http_server_requests_seconds_count`), OpenTelemetry's HTTP server semantic conventions
 * (`http_server_request_duration_seconds_count`), go-grpc-prometheus (`grpc_server_handled_total`).
 */
export const APP_REQUEST_METRICS = [
  'http_requests_total',
  'http_request_duration_seconds_count',
  'http_server_requests_seconds_count',
  'http_server_request_duration_seconds_count',
  'grpc_server_handled_total',
];

/** Traefik's per-service request counter (`service` label: `<ns>-<svc>-<port>@kubernetes`). */
export const INGRESS_SERVICE_METRIC = 'traefik_service_requests_total';

/** prometheus-nats-exporter's varz message counters (default prefix `gnatsd`, label `server_id`). */
export const BUS_EXPORTER_METRICS = ['gnatsd_varz_in_msgs', 'gnatsd_varz_out_msgs'];

/** Pod labels as kubernetes_sd relabelling writes them: Prometheus Operator and the community chart, or the older names. */
const POD = 'namespace, pod, kubernetes_namespace, kubernetes_pod_name';

/** The three coverage queries (Traefik's by backend and by the Traefik pod that forwards to it). */
export const COVERAGE_QUERIES = {
  requestPods: `count by (${POD}) ({__name__=~"${APP_REQUEST_METRICS.join('|')}"})`,
  ingressServices: `count by (service, ${POD}) (${INGRESS_SERVICE_METRIC})`,
  busExporterPods: `count by (${POD}) ({__name__=~"${BUS_EXPORTER_METRICS.join('|')}"})`,
};

/** Every series name the coverage reads (what a snapshot capture records for it). */
export const COVERAGE_SERIES = [...APP_REQUEST_METRICS, INGRESS_SERVICE_METRIC, ...BUS_EXPORTER_METRICS];

/** Each `service` label value with the ingress pod that exports it, unique and sorted. */
export function ingressPodsOf(series: Array<Record<string, string>>): Array<{ service: string; pod: string }> {
  const seen = new Map<string, { service: string; pod: string }>();
  for (const labels of series) {
    const pod = podOf(labels);
    if (labels.service && pod) seen.set(`${labels.service} ${pod}`, { service: labels.service, pod });
  }
  return [...seen.keys()].sort().map(k => seen.get(k)!);
}

/** `namespace/pod` from a series' labels, whichever relabelling named them. */
export function podOf(labels: Record<string, string>): string | undefined {
  const ns = labels.namespace || labels.kubernetes_namespace;
  const pod = labels.pod || labels.kubernetes_pod_name;
  return ns && pod ? `${ns}/${pod}` : undefined;
}
