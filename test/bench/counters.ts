// Server-side counters read before and after a load. The apiserver's apiserver_request_total
// (through the harness's requestCounts) counts every client, including the apiserver's own
// periodic loops (e.g. its Service IP repair LIST every few minutes); the requests of the plugins'
// ServiceAccount are counted apart through API Priority and Fairness: the only ServiceAccount in
// the harness lands in the `service-accounts` flow schema, the admin token and the apiserver's
// loopback client in `exempt`. Prometheus counts its own query API requests.
import type { ControlPlane } from '../harness/controlPlane.ts';
import { kubeRequest } from '../harness/kubeRequest.ts';

export interface ApiCounts {
  /** GET and LIST of API resources, every client. */
  reads: number;
  /** Requests of ServiceAccounts (the plugins' token), every verb. */
  serviceAccount: number;
  byKey: Map<string, number>;
}

async function serviceAccountRequests(cp: ControlPlane): Promise<number> {
  const text = String((await kubeRequest({ url: cp.url, ca: cp.ca, token: cp.adminToken }, 'GET', '/metrics')).body);
  return text.split('\n')
    .filter(l => l.startsWith('apiserver_flowcontrol_dispatched_requests_total{') && l.includes('flow_schema="service-accounts"'))
    .reduce((n, l) => n + Number(l.split(' ').pop()), 0);
}

/** The apiserver's counters; non-resource requests (/metrics, /readyz) are left out of `reads`. */
export async function apiCounts(cp: ControlPlane): Promise<ApiCounts> {
  const byKey = await cp.requestCounts();
  let reads = 0;
  for (const [key, n] of byKey) {
    const [verb, resource] = key.split(' ');
    if (resource && resource !== 'undefined' && (verb === 'GET' || verb === 'LIST')) reads += n;
  }
  return { reads, serviceAccount: await serviceAccountRequests(cp), byKey };
}

/** What changed between two readings, with the non-zero `VERB resource` entries. */
export function apiDelta(before: ApiCounts, after: ApiCounts) {
  const changed: Record<string, number> = {};
  for (const [key, n] of after.byKey) {
    const d = n - (before.byKey.get(key) ?? 0);
    if (d > 0 && !key.endsWith(' ') && !key.endsWith('undefined')) changed[key] = d;
  }
  return { reads: after.reads - before.reads, serviceAccount: after.serviceAccount - before.serviceAccount, changed };
}

/** Queries served by Prometheus so far: /api/v1/query and /api/v1/query_range. */
export async function prometheusQueries(url: string): Promise<{ query: number; queryRange: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const sum = (handler: string) => text.split('\n')
    .filter(l => l.startsWith('prometheus_http_requests_total{') && l.includes(`handler="${handler}"`))
    .reduce((n, l) => n + Number(l.split(' ').pop()), 0);
  return { query: sum('/api/v1/query'), queryRange: sum('/api/v1/query_range') };
}
