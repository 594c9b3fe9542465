/** A small snapshot directory's files: one meshed and one pending workload, a control plane. */
const meshedPod = (name: string, owner: string) => `
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: shop
  labels: {backstage.io/kubernetes-id: cart, linkerd.io/control-plane-ns: linkerd}
  annotations: {linkerd.io/proxy-version: edge-25.10.7}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: ${owner}, controller: true}]
spec:
  containers: [{name: linkerd-proxy, image: cr.l5d.io/linkerd/proxy:edge-25.10.7}, {name: cart}]
status: {phase: Running}
`;

export const SNAPSHOT_FILES = {
  'snapshot.yaml': 'capturedAt: 2026-11-20T12:00:00Z\n',
  'cluster/cluster-scoped.yaml': `
apiVersion: v1
kind: List
items:
  - {apiVersion: v1, kind: Namespace, metadata: {name: shop, annotations: {linkerd.io/inject: enabled}}}
  - {apiVersion: v1, kind: Namespace, metadata: {name: linkerd}}
`,
  'cluster/linkerd.yaml': `
apiVersion: apps/v1
kind: Deployment
metadata: {name: linkerd-destination, namespace: linkerd, labels: {linkerd.io/control-plane-component: destination}}
spec: {replicas: 1, template: {spec: {containers: [{name: destination}]}}}
status: {readyReplicas: 1}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: linkerd-config, namespace: linkerd}
data: {values: "linkerdVersion: edge-25.10.7\\n"}
`,
  'cluster/shop.yaml': `
apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: shop, labels: {backstage.io/kubernetes-id: cart}}
spec: {replicas: 2, template: {metadata: {labels: {backstage.io/kubernetes-id: cart}}, spec: {containers: [{name: cart}]}}}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: cart-7d9f
  namespace: shop
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: cart, controller: true}]
spec: {replicas: 2, template: {spec: {containers: [{name: cart}]}}}
---
${meshedPod('cart-7d9f-a', 'cart-7d9f')}
---
${meshedPod('cart-7d9f-b', 'cart-7d9f')}
---
apiVersion: v1
kind: Pod
metadata: {name: checkout, namespace: shop, labels: {backstage.io/kubernetes-id: checkout}}
spec: {containers: [{name: checkout}]}
status: {phase: Running}
`,
  'catalog/entities.yaml': `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: cart, annotations: {backstage.io/kubernetes-id: cart}}
spec: {type: service, lifecycle: production, owner: team-a}
`,
};
