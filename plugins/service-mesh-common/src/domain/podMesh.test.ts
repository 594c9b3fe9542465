import { workloadFindings } from './findings';
import { Pod } from './kube';
import { classifyPod } from './podMesh';
import { classifyWorkload } from './workloadMesh';
import { Workload } from './workloads';
import { ControlPlane } from './controlPlane';

// Pods are counted as `linkerd viz stat` counts them. Upstream (linkerd2 edge-25.10.7):
// - controller/k8s/api.go `isPendingOrRunning`: (Pending || Running) && DeletionTimestamp == nil;
//   `GetPodsFor(obj, includeFailed)` keeps only those, plus Failed pods when includeFailed.
// - viz/metrics-api/stat_summary.go `getPodStats`: Failed pods go to `failed`, every other
//   returned pod to `total` (and `inMesh` when meshed) — viz.proto: running_pod_count is
//   "pending or running pods", failed_pod_count is "Phase PodFailed".
// A pod with no phase at all is counted as Pending: the API server sets phase Pending when it
// creates a pod (pkg/registry/core/pod/strategy.go PrepareForCreate, kubernetes; not re-read here).

const proxy = { name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:edge-25.10.7' };
const pod = (name: string, opts: { phase?: string; meshed?: boolean; deleting?: boolean } = {}): Pod => ({
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'auto-brand',
    labels: opts.meshed ? { 'linkerd.io/control-plane-ns': 'linkerd' } : {},
    ...(opts.deleting ? { deletionTimestamp: '2026-11-20T11:59:50Z' } : {}),
  },
  spec: { containers: [{ name: 'app' }, ...(opts.meshed ? [proxy] : [])] },
  ...(opts.phase ? { status: { phase: opts.phase } } : {}),
});
const workload = (kind: string, pods: Pod[]): Workload => ({
  cluster: 'c', namespace: 'auto-brand', kind, name: 'w', labels: {}, pods, replicaSets: [],
  template: { spec: { containers: [{ name: 'app' }] } },
});
const cp: ControlPlane = { namespace: 'linkerd', installed: true, version: 'edge-25.10.7', deployments: [], webhookPresent: true };

describe('pod counting as linkerd viz stat (controller/k8s/api.go isPendingOrRunning)', () => {
  it.each([
    ['Running', false, true],
    ['Pending', false, true],
    [undefined, false, true],
    ['Succeeded', false, false],
    ['Failed', false, false],
    ['Unknown', false, false],
    ['Running', true, false],
    ['Pending', true, false],
  ])('phase %s, terminating %s: counted %s', (phase, deleting, counted) => {
    expect(classifyPod(pod('p', { phase, deleting })).counted).toBe(counted);
  });

  it('marks Failed pods apart, terminating or not (viz stat_summary.go: failed_pod_count)', () => {
    expect(classifyPod(pod('p', { phase: 'Failed' })).failed).toBe(true);
    expect(classifyPod(pod('p', { phase: 'Failed', deleting: true })).failed).toBe(true);
    expect(classifyPod(pod('p', { phase: 'Succeeded' })).failed).toBe(false);
  });

  it("a CronJob's past Succeeded runs make nothing partial and ask for no restart", () => {
    const m = classifyWorkload(workload('CronJob', [pod('old-1', { phase: 'Succeeded' }), pod('old-2', { phase: 'Succeeded' }), pod('now', { phase: 'Running', meshed: true })]), 'enabled');
    expect([m.report.state, m.report.meshedPods, m.report.totalPods]).toEqual(['meshed', 1, 1]);
    expect(workloadFindings(m, cp).map(f => f.code)).not.toContain('injection-pending-restart');
  });

  it('terminating pods of a rollout make nothing partial and ask for no restart', () => {
    const m = classifyWorkload(workload('Deployment', [pod('new', { phase: 'Running', meshed: true }), pod('old', { phase: 'Running', deleting: true })]), 'enabled');
    expect([m.report.state, m.report.meshedPods, m.report.totalPods]).toEqual(['meshed', 1, 1]);
    expect(workloadFindings(m, cp)).toEqual([]);
  });

  it('reports Failed pods apart in failedPods, outside the total', () => {
    const m = classifyWorkload(workload('Job', [pod('a', { phase: 'Failed' }), pod('b', { phase: 'Failed' }), pod('c', { phase: 'Running', meshed: true })]), 'enabled');
    expect([m.report.meshedPods, m.report.totalPods, m.report.failedPods]).toEqual([1, 1, 2]);
  });

  it('leaves failedPods out when there are none (optional field, contract unchanged)', () => {
    const m = classifyWorkload(workload('Deployment', [pod('a', { phase: 'Running' })]), 'absent');
    expect(m.report).not.toHaveProperty('failedPods');
  });
});

// Other meshes: linkerd2 edge-25.10.7 pkg/healthcheck/sidecar.go HasExistingSidecars (used by
// pkg/inject/report.go to skip injection) detects only Istio: containers named `istio-proxy` or
// with image `gcr.io/istio-release/proxyv2:*`, init containers `istio-init` or
// `gcr.io/istio-release/proxy_init:*`. `cilium-envoy` is the container of Cilium's node-level
// DaemonSet (Cilium docs, not Linkerd), not a sidecar in application pods.
describe('other meshes (pkg/healthcheck/sidecar.go HasExistingSidecars)', () => {
  const withContainers = (containers: Array<{ name: string; image?: string }>, init: Array<{ name: string; image?: string }> = []): Pod =>
    ({ kind: 'Pod', metadata: { name: 'p', namespace: 'x' }, spec: { containers: [{ name: 'app' }, ...containers], initContainers: init }, status: { phase: 'Running' } });
  const codes = (p: Pod, kind = 'Deployment') => workloadFindings(classifyWorkload(workload(kind, [p]), 'absent'), cp);
  it('sees Istio by container name, init container or image', () => {
    expect(classifyPod(withContainers([{ name: 'istio-proxy' }])).otherMesh).toBe('Istio');
    expect(classifyPod(withContainers([], [{ name: 'istio-init' }])).otherMesh).toBe('Istio');
    expect(classifyPod(withContainers([{ name: 'proxy', image: 'gcr.io/istio-release/proxyv2:1.24.0' }])).otherMesh).toBe('Istio');
    expect(codes(withContainers([{ name: 'istio-proxy' }])).map(f => [f.code, f.severity])).toEqual([['other-mesh-present', 'error']]);
  });
  it('raises no other-mesh-present for cilium-envoy, Cilium\'s node DaemonSet', () => {
    expect(classifyPod(withContainers([{ name: 'cilium-envoy', image: 'quay.io/cilium/cilium-envoy:v1.30' }])).otherMesh).toBeUndefined();
    expect(codes(withContainers([{ name: 'cilium-envoy' }]), 'DaemonSet')).toEqual([]);
  });
  it('does not claim Linkerd skips a Consul or Kuma sidecar: only Istio is detected, the injector would add a second proxy', () => {
    const [f] = codes(withContainers([{ name: 'consul-dataplane' }]));
    expect(f.code).toBe('other-mesh-present');
    expect(f.message).not.toMatch(/Linkerd skips/);
    expect(f.message).toMatch(/would inject/);
  });
});

describe('a CronJob between runs', () => {
  it('counts 0/0 as viz does, and shows the state and sidecar of its last Succeeded run', () => {
    const native = (name: string, created: string, meshed: boolean): Pod => ({
      ...pod(name, { phase: 'Succeeded', meshed }),
      metadata: { ...pod(name, { meshed }).metadata, creationTimestamp: created },
      spec: { containers: [{ name: 'app' }], initContainers: meshed ? [{ ...proxy, restartPolicy: 'Always' }] : [] },
    });
    const m = classifyWorkload(workload('CronJob', [native('new', '2026-11-20T11:00:00Z', true), native('old', '2026-11-20T10:00:00Z', false)]), 'enabled');
    expect([m.report.state, m.report.meshedPods, m.report.totalPods, m.report.nativeSidecar]).toEqual(['meshed', 0, 0, true]);
    expect(workloadFindings(m, cp)).toEqual([]);
  });
  it('does not report proxy drift for a terminating pod of the previous rollout', () => {
    const old = { ...pod('old', { phase: 'Running', meshed: true, deleting: true }), metadata: { ...pod('old', { meshed: true, deleting: true }).metadata, annotations: { 'linkerd.io/proxy-version': 'edge-25.9.1' } } };
    const m = classifyWorkload(workload('Deployment', [pod('new', { phase: 'Running', meshed: true }), old]), 'enabled');
    expect(workloadFindings({ ...m }, cp).map(f => f.code)).toEqual([]);
  });
});
