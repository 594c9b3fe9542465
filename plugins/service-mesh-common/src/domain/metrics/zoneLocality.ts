import { ZoneLocalityReport } from '../../api/EntityMeshReport';
import { MetricsWindow, MetricWorkload } from './metricsWindow';
import { keysIn, rowsOf, windowIndex } from './windowIndex';

const round = (n: number) => Number(n.toFixed(3));

/**
 * Where a set of workloads' outbound requests went, by the destination's zone relative to the
 * caller's: the destination controller labels each endpoint `zone_locality` `local` (same zone as
 * the client's node), `remote`, or `unknown` when either zone is not known (linkerd2 edge-25.10.7
 * `controller/api/destination/endpoint_translator.go`); the proxy exports it as `dst_zone_locality`.
 * The share that stays in the zone is local / (local + remote). Undefined without outbound requests.
 */
export function zoneLocality(windows: MetricsWindow[], workloads: Array<{ cluster: string } & MetricWorkload>): ZoneLocalityReport | undefined {
  const totals = { local: 0, remote: 0, unknown: 0 };
  for (const w of windows) {
    for (const r of rowsOf(windowIndex(w).zones, keysIn(w.cluster, workloads))) {
      totals[r.locality === 'local' || r.locality === 'remote' ? r.locality : 'unknown'] += r.requests;
    }
  }
  const known = totals.local + totals.remote;
  if (known + totals.unknown === 0) return undefined;
  return {
    localRequests: round(totals.local),
    remoteRequests: round(totals.remote),
    unknownRequests: round(totals.unknown),
    localShare: known > 0 ? Number((totals.local / known).toFixed(6)) : undefined,
  };
}
