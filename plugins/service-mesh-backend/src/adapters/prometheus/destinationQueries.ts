/**
 * The destination controller's endpoint subscribers, one fixed query per cluster: the gauge
 * `endpoints_subscribers` (linkerd2 edge-25.10.7 `controller/api/destination/watcher/prometheus.go`)
 * summed over the controller's replicas and hostnames, by cluster, Service and port. Both
 * `namespace` and `exported_namespace` are kept: which one holds the Service's namespace depends on
 * the scrape config.
 */
export const DESTINATION_SUBSCRIBERS_BY = ['cluster', 'namespace', 'exported_namespace', 'service', 'port'];
export const DESTINATION_SUBSCRIBERS_QUERY = `sum by (${DESTINATION_SUBSCRIBERS_BY.join(', ')}) (endpoints_subscribers)`;
