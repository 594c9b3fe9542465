import { analyzeCluster } from './clusterMesh';
import { ClusterSnapshot, emptyClusterObjects, Service } from './kube';

// Pre-adoption advice is consistent: in a cluster without Linkerd, what the adoption runbook
// will mesh (runbook/entityRunbook.ts: it annotates the namespace and adds a native-sidecar step
// for every Job/CronJob) gets the same advice as after installation. Why native sidecars for
// Jobs: with the classic sidecar the proxy keeps the Job's pod running after its container ends
// (linkerd2 edge-25.10.7 charts/partials/templates/_proxy.tpl renders the proxy as an init
// container with restartPolicy Always only when proxy.nativeSidecar is set). The injector never
// sees kube-system or cert-manager (charts/linkerd-control-plane/values.yaml
// proxyInjector.namespaceSelector), so nothing there is advised.
const NOW = new Date('2026-11-20T12:00:00Z');

function cluster(cronNamespace = 'auto-brand', templateAnnotations: Record<string, string> = {}): ClusterSnapshot {
  const o = emptyClusterObjects();
  o.namespaces.push({ kind: 'Namespace', metadata: { name: cronNamespace } });
  if (cronNamespace !== 'auto-brand') o.namespaces.push({ kind: 'Namespace', metadata: { name: 'auto-brand' } });
  o.cronJobs.push({ kind: 'CronJob', metadata: { name: 'analytics', namespace: cronNamespace }, spec: { jobTemplate: { spec: { template: { metadata: { annotations: templateAnnotations }, spec: { containers: [{ name: 'app' }] } } } } } });
  o.statefulSets.push({ kind: 'StatefulSet', metadata: { name: 'nats', namespace: 'auto-brand' }, spec: { template: { metadata: { labels: { app: 'nats' } }, spec: { containers: [{ name: 'nats', ports: [{ containerPort: 4222 }] }] } } } });
  const svc: Service = { kind: 'Service', metadata: { name: 'nats', namespace: 'auto-brand' }, spec: { selector: { app: 'nats' }, ports: [{ port: 4222 }] } };
  o.services.push(svc);
  return { name: 'homelab', controlPlaneNamespace: 'linkerd', objects: o };
}
const findings = (s: ClusterSnapshot) =>
  analyzeCluster(s, NOW).workloads.flatMap(w => w.findings.map(f => [`${w.workload.kind}/${w.workload.name}`, f.code, f.severity]));

describe('pre-adoption advice in a cluster without Linkerd', () => {
  it('recommends the native sidecar for a CronJob the runbook will mesh, as it asks NATS for opaque ports', () => {
    expect(findings(cluster()).sort()).toEqual([
      ['CronJob/analytics', 'native-sidecar-recommended', 'warning'],
      ['StatefulSet/nats', 'opaque-ports-required', 'warning'],
    ]);
  });
  it('does not recommend it when the CronJob already asks for the native sidecar (near miss)', () => {
    expect(findings(cluster('auto-brand', { 'config.beta.linkerd.io/proxy-enable-native-sidecar': 'true' })).map(f => f[1])).toEqual(['opaque-ports-required']);
  });
  it('does not recommend it for a CronJob kept out of the mesh or in a namespace the injector never sees', () => {
    expect(findings(cluster('auto-brand', { 'linkerd.io/inject': 'disabled' })).map(f => f[1])).toEqual(['opaque-ports-required']);
    expect(findings(cluster('kube-system')).map(f => f[1])).toEqual(['opaque-ports-required']);
  });
});
