import { CustomObject, emptyClusterObjects, Service } from './kube';
import { workloadPolicy } from './workloadPolicy';
import { Workload } from './workloads';

const w: Workload = {
  cluster: 'c', namespace: 'shop', kind: 'Deployment', name: 'cart', labels: {}, pods: [], replicaSets: [],
  template: { metadata: { labels: { app: 'cart' } }, spec: { containers: [{ name: 'cart', ports: [{ containerPort: 8080, name: 'http' }] }] } },
};
const obj = (apiVersion: string, kind: string, name: string, spec: any, annotations?: Record<string, string>, namespace = 'shop'): CustomObject => ({ apiVersion, kind, metadata: { name, namespace, annotations }, spec });
const svc: Service = { kind: 'Service', metadata: { name: 'cart', namespace: 'shop' }, spec: { selector: { app: 'cart' }, ports: [{ port: 80, targetPort: 8080 }] } };

describe('workloadPolicy', () => {
  const policies = emptyClusterObjects().policies;
  policies.servers.push(
    obj('policy.linkerd.io/v1beta3', 'Server', 'cart-http', { podSelector: { matchLabels: { app: 'cart' } }, port: 'http', proxyProtocol: 'HTTP/1' }),
    obj('policy.linkerd.io/v1beta3', 'Server', 'other', { podSelector: { matchLabels: { app: 'other' } }, port: 8080 }),
    obj('policy.linkerd.io/v1beta3', 'Server', 'cart-admin', { podSelector: { matchLabels: { app: 'cart' } }, port: 9999 }),
    obj('policy.linkerd.io/v1beta3', 'Server', 'elsewhere', { podSelector: { matchLabels: { app: 'cart' } }, port: 8080 }, undefined, 'prod'),
  );
  policies.authorizationPolicies.push(
    obj('policy.linkerd.io/v1alpha1', 'AuthorizationPolicy', 'cart-authz', { targetRef: { kind: 'Server', name: 'cart-http' }, requiredAuthenticationRefs: [{ kind: 'MeshTLSAuthentication', name: 'web' }] }),
    obj('policy.linkerd.io/v1alpha1', 'AuthorizationPolicy', 'ns-wide', { targetRef: { kind: 'Namespace', name: 'shop' }, requiredAuthenticationRefs: [{ kind: 'NetworkAuthentication', name: 'cluster' }] }),
    obj('policy.linkerd.io/v1alpha1', 'AuthorizationPolicy', 'not-mine', { targetRef: { kind: 'Server', name: 'other' } }),
  );
  policies.httpRoutes.push(
    obj('gateway.networking.k8s.io/v1', 'HTTPRoute', 'cart-canary', {
      parentRefs: [{ kind: 'Service', name: 'cart', port: 80 }],
      rules: [{ backendRefs: [{ name: 'cart', port: 80, weight: 90 }, { name: 'cart-v2', port: 80, weight: 10 }], timeouts: { request: '3s' } }],
    }, { 'retry.linkerd.io/http': '5xx', 'retry.linkerd.io/limit': '2' }),
    obj('gateway.networking.k8s.io/v1', 'HTTPRoute', 'unrelated', { parentRefs: [{ kind: 'Service', name: 'web' }] }),
  );
  policies.rateLimits.push(obj('policy.linkerd.io/v1alpha1', 'HTTPLocalRateLimitPolicy', 'cart-rl', { targetRef: { kind: 'Server', name: 'cart-http' }, total: { requestsPerSecond: 100 } }));

  it('collects the servers, authorization, routes and rate limits that select the workload', () => {
    expect(workloadPolicy(w, policies, [svc], true)).toEqual({
      servers: [{ name: 'cart-http', port: 'http', proxyProtocol: 'HTTP/1' }],
      authorizationPolicies: [
        { name: 'cart-authz', target: 'Server/cart-http', authentications: ['MeshTLSAuthentication/web'] },
        { name: 'ns-wide', target: 'Namespace/shop', authentications: ['NetworkAuthentication/cluster'] },
      ],
      httpRoutes: [{ name: 'cart-canary', group: 'gateway.networking.k8s.io', parent: 'Service/cart', retries: '5xx (limit 2)', timeout: '3s', backends: [{ name: 'cart', port: 80, weight: 90 }, { name: 'cart-v2', port: 80, weight: 10 }] }],
      rateLimits: [{ name: 'cart-rl', server: 'Server/cart-http', total: 100, identity: undefined }],
    });
  });

  it('is absent when the policy CRDs are not served', () => {
    expect(workloadPolicy(w, policies, [svc], false)).toBeUndefined();
  });
});
