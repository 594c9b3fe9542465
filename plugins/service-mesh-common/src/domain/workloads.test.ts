import { discoverWorkloads } from './workloads';
import { clusterFromManifests, readManifest } from './__testUtils__/manifestCluster';
import { emptyClusterObjects, Pod } from './kube';

describe('discoverWorkloads', () => {
  it('follows Pod → ReplicaSet → Deployment, Job → CronJob, StatefulSet and bare Pods', () => {
    const docs = [
      ...readManifest('emojivoto_deployment.golden.yaml'),
      ...readManifest('emojivoto_cronjob.golden.yaml'),
      ...readManifest('emojivoto_statefulset.golden.yaml'),
      ...readManifest('emojivoto_pod.golden.yaml'),
    ];
    const got = discoverWorkloads(clusterFromManifests(docs)).map(w => [w.kind, w.name, w.pods.length, w.replicaSets.length]);
    expect(got).toEqual([
      ['Deployment', 'web', 1, 1],
      ['StatefulSet', 'web', 1, 0],
      ['CronJob', 'hello', 1, 0],
      ['Pod', 'vote-bot', 1, 0],
    ]);
  });

  it('names the owner from the reference when the owner object is not readable', () => {
    const o = emptyClusterObjects();
    const pod: Pod = {
      kind: 'Pod',
      metadata: { name: 'r-1', namespace: 'a', ownerReferences: [{ kind: 'Rollout', name: 'r', controller: true }] },
      spec: { containers: [{ name: 'c' }] },
    };
    o.pods.push(pod);
    const [w] = discoverWorkloads({ name: 'c', controlPlaneNamespace: 'linkerd', objects: o });
    expect([w.kind, w.name, w.pods.length, w.template]).toEqual(['Rollout', 'r', 1, undefined]);
  });

  it('keeps workloads that have no pods (a CronJob between runs, a Deployment scaled to 0)', () => {
    const snapshot = clusterFromManifests(readManifest('emojivoto_deployment.golden.yaml'));
    snapshot.objects.pods = [];
    const [w] = discoverWorkloads(snapshot);
    expect([w.kind, w.name, w.pods.length, Boolean(w.template)]).toEqual(['Deployment', 'web', 0, true]);
  });
});
