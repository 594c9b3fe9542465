/**
 * Linkerd policy and routes the team applied to auto-brand in homelab-meshed, on 2026-11-19 (a day
 * after meshing, a day before the capture):
 *   - llm-service accepts only orchestrator: a Server on its http port, a MeshTLSAuthentication of
 *     orchestrator's identity, an AuthorizationPolicy tying them. video-service had started calling
 *     llm-service directly: those calls are now denied (traffic/routesInAction.ts).
 *   - orchestrator's calls to llm-service go through an HTTPRoute with retries (5xx, limit 2) and a
 *     10 s request timeout, and 1 % of them to `llm-service-fault`, a Service that does not exist:
 *     Linkerd's policy controller turns such a backend into a failure injector answering 500
 *     (linkerd2 `policy-controller/grpc/src/outbound/http.rs`), which is how the team tests retries.
 */
export const MESH_POLICY_APPLIED_AT = '2026-11-19T16:20:00Z';

export const LLM_SERVER = 'llm-service-http';
export const LLM_AUTHZ = 'llm-service-callers';
export const LLM_ROUTE = 'llm-service';
export const LLM_FAULT_BACKEND = 'llm-service-fault';

/** The objects, as `kubectl apply` would have created them (custom resources of Linkerd 2.19's CRDs). */
export const MESH_POLICY = [
  {
    apiVersion: 'policy.linkerd.io/v1beta3',
    kind: 'Server',
    name: LLM_SERVER,
    spec: { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'llm-service' } }, port: 'http', proxyProtocol: 'HTTP/1' },
  },
  {
    apiVersion: 'policy.linkerd.io/v1alpha1',
    kind: 'MeshTLSAuthentication',
    name: LLM_AUTHZ,
    spec: { identities: ['orchestrator.auto-brand.serviceaccount.identity.linkerd.cluster.local'] },
  },
  {
    apiVersion: 'policy.linkerd.io/v1alpha1',
    kind: 'AuthorizationPolicy',
    name: LLM_AUTHZ,
    spec: {
      targetRef: { group: 'policy.linkerd.io', kind: 'Server', name: LLM_SERVER },
      requiredAuthenticationRefs: [{ group: 'policy.linkerd.io', kind: 'MeshTLSAuthentication', name: LLM_AUTHZ }],
    },
  },
  {
    apiVersion: 'policy.linkerd.io/v1beta3',
    kind: 'HTTPRoute',
    name: LLM_ROUTE,
    annotations: { 'retry.linkerd.io/http': '5xx', 'retry.linkerd.io/limit': '2', 'timeout.linkerd.io/request': '10s' },
    spec: {
      parentRefs: [{ group: 'core', kind: 'Service', name: 'llm-service', port: 8001 }],
      rules: [{ backendRefs: [{ name: 'llm-service', port: 8001, weight: 99 }, { name: LLM_FAULT_BACKEND, port: 8001, weight: 1 }] }],
    },
  },
];
