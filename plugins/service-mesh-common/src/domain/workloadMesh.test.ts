import { analyzeCluster } from './clusterMesh';
import { ClusterSnapshot, emptyClusterObjects } from './kube';
import { classifyWorkload } from './workloadMesh';
import { Workload } from './workloads';

// The native-sidecar setting as the injector reads it (linkerd2 edge-25.10.7):
// - pkg/k8s/labels.go: ProxyEnableNativeSidecarAnnotationBeta = "config.beta.linkerd.io/proxy-enable-native-sidecar",
//   ProxyEnableNativeSidecarAnnotationAlpha = "config.alpha.linkerd.io/proxy-enable-native-sidecar"
//   (deprecated); there is no `config.linkerd.io/proxy-enable-native-sidecar`.
// - pkg/inject/inject.go ApplyAnnotationOverrides: the beta annotation, when present, wins over
//   the alpha one; the value goes through Go's strconv.ParseBool (1, t, T, TRUE, true, True are
//   true; 0, f, F, FALSE, false, False are false; anything else leaves the chart value).
// - pkg/inject/inject.go AppendNamespaceAnnotations: each proxy annotation the pod lacks is taken
//   from the namespace (ProxyAnnotations and ProxyAlphaConfigAnnotations list both).
// - charts/linkerd-control-plane/values.yaml `proxy.nativeSidecar: false`: the cluster default,
//   rendered into the `linkerd-config` ConfigMap's `values` (templates/config.yaml).

const BETA = 'config.beta.linkerd.io/proxy-enable-native-sidecar';
const ALPHA = 'config.alpha.linkerd.io/proxy-enable-native-sidecar';
const job = (annotations: Record<string, string> = {}): Workload => ({
  cluster: 'c', namespace: 'auto-brand', kind: 'CronJob', name: 'analytics', labels: {}, pods: [], replicaSets: [],
  template: { metadata: { annotations }, spec: { containers: [{ name: 'app' }] } },
});
const requested = (annotations: Record<string, string>, ns?: Record<string, string>, cluster?: boolean) =>
  classifyWorkload(job(annotations), 'enabled', ns, undefined, cluster).nativeSidecarRequested;

describe('native sidecar requested (pkg/inject/inject.go)', () => {
  it.each(['true', 'True', 'TRUE', '1', 't', 'T'])('accepts %s as strconv.ParseBool does', v => {
    expect(requested({ [BETA]: v })).toBe(true);
    expect(requested({ [ALPHA]: v })).toBe(true);
  });
  it.each(['false', '0', 'F', 'yes', 'on', ''])('does not take %s as true', v => {
    expect(requested({ [BETA]: v })).toBe(false);
  });
  it('lets the beta annotation win over the alpha one', () => {
    expect(requested({ [BETA]: 'false', [ALPHA]: 'true' })).toBe(false);
    expect(requested({ [BETA]: 'true', [ALPHA]: 'false' })).toBe(true);
  });
  it('ignores config.linkerd.io/proxy-enable-native-sidecar, which Linkerd does not read', () => {
    expect(requested({ 'config.linkerd.io/proxy-enable-native-sidecar': 'true' })).toBe(false);
  });
  it('inherits the annotation from the namespace, the pod\'s own value first', () => {
    expect(requested({}, { [BETA]: 'true' })).toBe(true);
    expect(requested({ [BETA]: 'false' }, { [BETA]: 'true' })).toBe(false);
    // Namespace beta fills in next to a pod alpha, then beta wins.
    expect(requested({ [ALPHA]: 'false' }, { [BETA]: 'true' })).toBe(true);
  });
  it('falls back to the cluster-wide proxy.nativeSidecar, also when the annotation does not parse', () => {
    expect(requested({}, undefined, true)).toBe(true);
    expect(requested({ [BETA]: 'yes' }, undefined, true)).toBe(true);
    expect(requested({ [BETA]: 'false' }, undefined, true)).toBe(false);
  });
});

describe('cluster-wide proxy.nativeSidecar in linkerd-config', () => {
  const snapshot = (values: string): ClusterSnapshot => {
    const o = emptyClusterObjects();
    o.namespaces.push({ kind: 'Namespace', metadata: { name: 'batch', annotations: { 'linkerd.io/inject': 'enabled' } } });
    o.configMaps.push({ kind: 'ConfigMap', metadata: { name: 'linkerd-config', namespace: 'linkerd' }, data: { values } });
    o.cronJobs.push({ kind: 'CronJob', metadata: { name: 'report', namespace: 'batch' }, spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'app' }] } } } } } });
    return { name: 'c', controlPlaneNamespace: 'linkerd', objects: o };
  };
  const codes = (values: string) => analyzeCluster(snapshot(values), new Date('2026-11-20T12:00:00Z')).workloads.flatMap(w => w.findings.map(f => f.code));
  it('raises no native-sidecar-recommended when the cluster injects native sidecars', () => {
    expect(codes('linkerdVersion: edge-25.10.7\nproxy:\n  logLevel: warn\n  nativeSidecar: true\n  opaquePorts: 25\n')).toEqual([]);
  });
  it('raises it when proxy.nativeSidecar is false (near miss: another key named nativeSidecar elsewhere)', () => {
    expect(codes('linkerdVersion: edge-25.10.7\ndebugContainer:\n  nativeSidecar: true\nproxy:\n  nativeSidecar: false\n')).toEqual(['native-sidecar-recommended']);
  });
});

describe('the cluster\'s proxy.opaquePorts in linkerd-config (opaque-ports-required)', () => {
  it('is the default list the check uses', () => {
    const o = emptyClusterObjects();
    o.namespaces.push({ kind: 'Namespace', metadata: { name: 'db' } });
    o.configMaps.push({ kind: 'ConfigMap', metadata: { name: 'linkerd-config', namespace: 'linkerd' }, data: { values: 'linkerdVersion: edge-25.10.7\nproxy:\n  opaquePorts: "25,587,4444,5432"\n' } });
    o.statefulSets.push({ kind: 'StatefulSet', metadata: { name: 'mysql', namespace: 'db' }, spec: { template: { metadata: { labels: { app: 'mysql' } }, spec: { containers: [{ name: 'mysql', ports: [{ containerPort: 3306 }] }] } } } });
    const mesh = analyzeCluster({ name: 'c', controlPlaneNamespace: 'linkerd', objects: o }, new Date('2026-11-20T12:00:00Z'));
    expect(mesh.controlPlane.opaquePorts).toEqual([25, 587, 4444, 5432]);
    expect(mesh.workloads.flatMap(w => w.findings.map(f => f.code))).toEqual(['opaque-ports-required']);
  });
});
