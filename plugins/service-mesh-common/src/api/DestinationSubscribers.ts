/**
 * A Service the destination controller streams endpoints for, with how many proxies subscribe to
 * it (`endpoints_subscribers`, linkerd2 edge-25.10.7 `controller/api/destination/watcher/prometheus.go`):
 * the Services with the most subscribers are where an endpoint change fans out the most.
 */
export interface DestinationSubscribers {
  /** `local`, or the remote cluster's name for mirrored endpoints. */
  cluster: string;
  namespace: string;
  service: string;
  port: string;
  subscribers: number;
}
