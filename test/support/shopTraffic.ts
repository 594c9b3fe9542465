// The traffic model the live-cluster tests share: `web` (2 pods) calls `cart` (3 pods) in
// namespace `shop` over mTLS, and an unmeshed Traefik calls `web` in plaintext. Two hours of
// samples from START; the tests evaluate at AT, 90 minutes in.
import { LATENCY_BUCKETS, PROBE_LATENCY, PROBE_RPS, podNames, shareAt, type ModelEdge, type ModelWorkload, type TrafficModel } from '../../examples/traffic/openMetrics.ts';
import { Fixtures, trustAnchorPem } from '../harness/fixtures.ts';

export const START = 1_795_000_000;
export const AT = START + 5400;
export const web: ModelWorkload = { namespace: 'shop', kind: 'deployment', name: 'web', pods: 2 };
export const cart: ModelWorkload = { namespace: 'shop', kind: 'deployment', name: 'cart', pods: 3 };
export const webToCart: ModelEdge = { from: web, to: cart, rps: 10, failureRatio: 0.02, tls: true, latency: [[5, 0], [10, 0.5], [40, 0.95], [100, 0.99], [200, 1]] };
export const traefikToWeb: ModelEdge = { from: { unmeshed: 'traefik' }, to: web, rps: 5, failureRatio: 0, tls: false, latency: [[10, 0], [20, 0.5], [50, 1]] };

/** Two hours of the given edges, every 15 s, from START. */
export function shopModel(edges: ModelEdge[], extra: Partial<TrafficModel> = {}): TrafficModel {
  return { start: START, durationSeconds: 7200, stepSeconds: 15, edges, ...extra };
}

/** The model's cluster: a Linkerd control plane and `shop` (injection on) with web and cart meshed. */
export async function deployShop(fx: Fixtures): Promise<void> {
  await fx.linkerdControlPlane(trustAnchorPem(365));
  await fx.namespace('shop', { 'linkerd.io/inject': 'enabled' });
  await fx.deployment('shop', 'web', ['classic', 'classic']);
  await fx.deployment('shop', 'cart', ['classic', 'classic', 'classic']);
}

/**
 * What viz stat counts for `to` besides its callers: per pod, the kubelet's probes on the app port
 * and on the admin port, and the admin port's scrapes (10 s), all fast and successful.
 */
export function ownTraffic(to: ModelWorkload, scrapeIntervalSeconds = 10): ModelEdge {
  const pods = podNames(to).length;
  return { from: { unmeshed: 'kubelet' }, to, rps: pods * (2 * PROBE_RPS + 1 / scrapeIntervalSeconds), failureRatio: 0, tls: false, latency: PROBE_LATENCY };
}

/** Golden metrics of `to` as viz stat computes them from the model: its callers plus its own probes and scrapes. */
export function expectedGolden(to: ModelWorkload, callers: ModelEdge[]) {
  const edges = [...callers.filter(e => e.to === to), ownTraffic(to)];
  const rps = edges.reduce((n, e) => n + e.rps, 0);
  const success = edges.reduce((n, e) => n + e.rps * (1 - e.failureRatio), 0);
  const under = (le: number) => edges.reduce((n, e) => n + e.rps * shareAt(e.latency, le), 0);
  const quantile = (q: number) => {
    const rank = q * rps;
    let prev = 0;
    for (const le of LATENCY_BUCKETS) {
      if (under(le) >= rank) return prev + ((le - prev) * (rank - under(prev))) / (under(le) - under(prev));
      prev = le;
    }
    return prev;
  };
  return { successRate: success / rps, rps, latencyMs: { p50: quantile(0.5), p95: quantile(0.95), p99: quantile(0.99) } };
}
