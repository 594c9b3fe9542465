import { RouteSampleKind } from '../../api/RouteActivity';
import { MetricWorkload } from '../metrics/metricsWindow';

/**
 * One sample of the route queries: outbound route families are summed over every client of the
 * cluster (the route belongs to the parent Service, whoever calls it); inbound families carry the
 * workload that served them.
 */
export interface RouteSample {
  cluster: string;
  kind: RouteSampleKind;
  labels: Record<string, string>;
  value: number;
  workload?: MetricWorkload;
}

/** The proxy's `error` values that mean a timeout fired (linkerd2-proxy `.../policy/route/metrics/labels.rs`). */
export const TIMEOUT_ERRORS = ['REQUEST_TIMEOUT', 'RESPONSE_HEADERS_TIMEOUT', 'RESPONSE_STREAM_TIMEOUT', 'IDLE_TIMEOUT'];

/** A response counted as failed: a 5xx status, or an error label with no status. */
export function isFailure(labels: Record<string, string>): boolean {
  return /^5\d\d$/.test(labels.http_status ?? '') || Boolean(labels.error);
}
