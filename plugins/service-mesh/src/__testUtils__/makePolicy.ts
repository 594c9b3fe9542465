import type { WorkloadPolicy } from '@meshlens/plugin-service-mesh-common';

/**
 * Builds a {@link @meshlens/plugin-service-mesh-common#WorkloadPolicy} for
 * tests: an HTTP Server on port 8080 of `checkout`, an AuthorizationPolicy
 * requiring the `web-ui` identity, a canary HTTPRoute splitting `cart` 90/10
 * with `cart-v2`, and a rate limit, with overrides applied on top.
 *
 * @internal
 */
export function makePolicy(
  overrides: Partial<WorkloadPolicy> = {},
): WorkloadPolicy {
  return {
    servers: [{ name: 'checkout-http', port: '8080', proxyProtocol: 'HTTP/2' }],
    authorizationPolicies: [
      {
        name: 'checkout-from-web-ui',
        target: 'Server/checkout-http',
        authentications: ['MeshTLSAuthentication/web-ui'],
      },
    ],
    httpRoutes: [
      {
        name: 'cart-canary',
        group: 'gateway.networking.k8s.io',
        parent: 'Service/cart',
        retries: '3',
        timeout: '2s',
        backends: [
          { name: 'cart', weight: 90 },
          { name: 'cart-v2', weight: 10 },
        ],
      },
    ],
    rateLimits: [
      {
        name: 'checkout-rl',
        server: 'checkout-http',
        total: 100,
        identity: 10,
      },
    ],
    ...overrides,
  };
}
