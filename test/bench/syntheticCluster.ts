// Fills the harness apiserver with a synthetic cluster: Linkerd's CRDs and control plane, then
// namespaces with Deployments → ReplicaSets → Pods (Running through the status subresource) and a
// headless Service each, created with bounded concurrency through the harness fixtures (admin token).
import { Fixtures, trustAnchorPem } from '../harness/fixtures.ts';
import { kube, type KubeTarget } from '../harness/kubeRequest.ts';
import { inPool } from './pool.ts';
import { namespaceName, type BenchSize, type BenchWorkload, workloadsOf } from './sizes.ts';

/** Requests in flight while creating objects. */
const IN_FLIGHT = 16;

/** Linkerd's CRDs and control plane, and the plugin's RBAC; returns the restricted token. */
export async function prepareCluster(admin: KubeTarget): Promise<string> {
  const fx = new Fixtures(admin);
  await fx.crds();
  await fx.linkerdControlPlane(trustAnchorPem(365));
  return fx.pluginToken();
}

/**
 * Creates the namespaces and workloads of `size` that are not there yet (namespaces from
 * `fromNamespace` on), so a cluster can grow from one size to the next. Returns the seconds taken.
 */
export async function populateCluster(admin: KubeTarget, size: BenchSize, fromNamespace = 0): Promise<number> {
  const started = Date.now();
  const fx = new Fixtures(admin);
  const namespaces = Array.from({ length: size.namespaces - fromNamespace }, (_, i) => fromNamespace + i);
  // Every other namespace has injection enabled: its unmeshed workloads are "pending restart".
  await inPool(namespaces, IN_FLIGHT, async i => {
    await fx.namespace(namespaceName(i), i % 2 === 0 ? { 'linkerd.io/inject': 'enabled' } : {});
  });
  const workloads = workloadsOf(size).filter(w => Number(w.namespace.slice(-3)) >= fromNamespace);
  await inPool(workloads, IN_FLIGHT, w => createWorkload(fx, admin, w, size.podsPerWorkload));
  return (Date.now() - started) / 1000;
}

async function createWorkload(fx: Fixtures, admin: KubeTarget, w: BenchWorkload, pods: number) {
  const mesh = w.meshed ? 'classic' : 'none';
  await fx.deployment(w.namespace, w.name, Array.from({ length: pods }, () => mesh), mesh);
  // The Deployment controller copies the template's labels to the ReplicaSet; the fixture keeps
  // only app and pod-template-hash, so the Kubernetes plugin's label selector would miss it.
  const hash = Buffer.from(w.name).toString('hex').slice(0, 10);
  await kube(admin, 'PATCH', `/apis/apps/v1/namespaces/${w.namespace}/replicasets/${w.name}-${hash}`, { metadata: { labels: { 'backstage.io/kubernetes-id': w.name } } });
  await kube(admin, 'PATCH', `/apis/apps/v1/namespaces/${w.namespace}/deployments/${w.name}/status`, {
    status: { replicas: pods, readyReplicas: pods, availableReplicas: pods, updatedReplicas: pods },
  });
  // Headless: the harness apiserver's service range is a /24 (254 ClusterIPs).
  await kube(admin, 'POST', `/api/v1/namespaces/${w.namespace}/services`, {
    apiVersion: 'v1', kind: 'Service', metadata: { name: w.name, namespace: w.namespace, labels: { app: w.name, 'backstage.io/kubernetes-id': w.name } },
    spec: { clusterIP: 'None', selector: { app: w.name }, ports: [{ name: 'http', port: 8080, targetPort: 8080, appProtocol: 'http' }] },
  });
}
