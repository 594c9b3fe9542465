// auto-brand's EgressNetwork (policy.linkerd.io/v1alpha1, with the policy controller's Accepted
// condition: linkerd2 edge-25.10.7 policy-controller/k8s/status/src/index.rs) and the TLSRoute
// declaring the LLM provider (gateway.networking.k8s.io/v1alpha2), from model/egress.mjs.
import { EGRESS_CREATED, EGRESS_NETWORK, LLM_PROVIDER } from '../model/egress.mjs';
import { metadata } from './metadata.mjs';

export function buildEgress(C) {
  const created = Date.parse(EGRESS_CREATED);
  const n = EGRESS_NETWORK;
  C.add({
    apiVersion: 'policy.linkerd.io/v1alpha1',
    kind: 'EgressNetwork',
    metadata: metadata({ name: n.name, namespace: n.namespace, created, generation: 1 }),
    spec: { networks: n.networks, trafficPolicy: n.trafficPolicy },
    status: {
      conditions: [{ lastTransitionTime: EGRESS_CREATED, message: '', reason: 'Accepted', status: 'True', type: 'Accepted' }],
    },
  });
  const parent = { group: 'policy.linkerd.io', kind: 'EgressNetwork', name: n.name, namespace: n.namespace };
  C.add({
    apiVersion: 'gateway.networking.k8s.io/v1alpha2',
    kind: 'TLSRoute',
    metadata: metadata({ name: LLM_PROVIDER.route, namespace: n.namespace, created: created + 5000, generation: 1 }),
    spec: {
      hostnames: [LLM_PROVIDER.hostname],
      parentRefs: [{ ...parent, port: LLM_PROVIDER.port }],
      rules: [{ backendRefs: [{ group: parent.group, kind: parent.kind, name: n.name }] }],
    },
  });
}
