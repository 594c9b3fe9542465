// Conformance (issue 13, item 6): how Jobs, CronJobs, bare pods and ReplicaSets appear in proxy
// metrics. The proxy injector labels a pod from its owner as the metadata API resolves it (linkerd2
// edge-25.10.7 `controller/k8s/metadata_api.go` `GetOwnerKindAndName`: ReplicaSet → its
// Deployment/StatefulSet/DaemonSet/Job owner, Job → its owner, no owner → `pod`) and switches on
// that kind in `pkg/inject/inject.go` (deployment, replicationcontroller, replicaset, job, daemonset,
// statefulset: no `cronjob`, no `pod` case, so those pods get no owner label). viz's scrape config
// (`viz/charts/linkerd-viz/templates/prometheus.yaml`) turns `linkerd.io/proxy-job` into `k8s_job` and
// other `linkerd.io/proxy-<kind>` labels into `<kind>`, and always adds `namespace` and `pod`.
import { metricWorkload, workloadKey } from './metricsWindow';
import { metricWorkloadsOf } from './metricWorkloadsOf';
import { Workload } from '../workloads';

const pod = (name: string, owner?: { kind: string; name: string }) => ({
  kind: 'Pod', metadata: { name, namespace: 'auto-brand', ownerReferences: owner ? [{ ...owner, uid: name, controller: true }] : [] }, spec: { containers: [] },
});
const workload = (kind: string, name: string, pods: ReturnType<typeof pod>[]): Workload => ({
  cluster: 'c', namespace: 'auto-brand', kind, name, labels: {}, pods: pods as Workload['pods'], replicaSets: [],
});
const keys = (w: Workload) => metricWorkloadsOf(w).map(workloadKey);

/** The metric labels the viz relabelling gives a pod with these `linkerd.io/proxy-*` labels. */
const scraped = (podName: string, owner: Record<string, string> = {}) => ({ namespace: 'auto-brand', pod: podName, ...owner });

describe('metricWorkloadsOf matches how Linkerd labels metrics (item 6)', () => {
  it('finds a CronJob by its pods: the injector sets no owner label for them', () => {
    const cron = workload('CronJob', 'analytics', [pod('analytics-29410560-x7k2p', { kind: 'Job', name: 'analytics-29410560' })]);
    const seen = metricWorkload(scraped('analytics-29410560-x7k2p'));
    expect(seen).toEqual({ namespace: 'auto-brand', kind: 'Pod', name: 'analytics-29410560-x7k2p' });
    expect(keys(cron)).toContain(workloadKey(seen!));
  });

  it('finds a standalone Job by k8s_job and a bare pod by pod', () => {
    const job = workload('Job', 'migrate', [pod('migrate-abcde', { kind: 'Job', name: 'migrate' })]);
    expect(keys(job)).toContain(workloadKey(metricWorkload(scraped('migrate-abcde', { k8s_job: 'migrate' }))!));
    const bare = workload('Pod', 'debug', [pod('debug')]);
    expect(keys(bare)).toEqual([workloadKey(metricWorkload(scraped('debug'))!)]);
  });

  it('finds a ReplicaSet without a known owner (bare, or an Argo Rollout) by replicaset', () => {
    const bareRs = workload('ReplicaSet', 'legacy-7f9c', [pod('legacy-7f9c-q2w3e', { kind: 'ReplicaSet', name: 'legacy-7f9c' })]);
    expect(keys(bareRs)).toContain(workloadKey(metricWorkload(scraped('legacy-7f9c-q2w3e', { replicaset: 'legacy-7f9c' }))!));
    const rollout = { ...workload('Rollout', 'checkout', [pod('checkout-5d8f-a1b2c', { kind: 'ReplicaSet', name: 'checkout-5d8f' })]) };
    expect(keys(rollout)).toContain(workloadKey(metricWorkload(scraped('checkout-5d8f-a1b2c', { replicaset: 'checkout-5d8f' }))!));
  });

  it('keeps owner labels first: a Deployment pod is the Deployment, not the pod', () => {
    expect(metricWorkload(scraped('web-5d8f7c9b4-abcde', { deployment: 'web' }))).toEqual({ namespace: 'auto-brand', kind: 'Deployment', name: 'web' });
    expect(metricWorkload({ dst_namespace: 'auto-brand', dst_pod: 'debug' }, 'dst_')).toBeUndefined();
  });
});
