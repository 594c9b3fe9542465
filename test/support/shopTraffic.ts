// The traffic model the live-cluster tests share: `web` (2 pods) calls `cart` (3 pods) in
// namespace `shop` over mTLS, and an unmeshed Traefik calls `web` in plaintext. Two hours of
// samples from START; the tests evaluate at AT, 90 minutes in.
import type { ModelEdge, ModelWorkload, TrafficModel } from '../../examples/traffic/openMetrics.ts';
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
