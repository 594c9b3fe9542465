import { readdirSync } from 'fs';
import { analyzeCluster } from './clusterMesh';
import { clusterFromManifests, INJECTED_DIR, readManifest } from './__testUtils__/manifestCluster';

const V = 'test-inject-proxy-version';
const NOW = new Date('2026-11-20T12:00:00Z');

/** Expected classification of every workload in each of Linkerd's injector golden files. */
const cases: Array<{
  file: string;
  workloads: Array<[kind: string, name: string, state: string, meshed: number, total: number, native: boolean]>;
  codes: string[];
  version?: string;
}> = [
  { file: 'emojivoto_deployment.golden.yaml', workloads: [['Deployment', 'web', 'meshed', 1, 1, false]], codes: [] },
  { file: 'emojivoto_deployment_native_sidecar.golden.yaml', workloads: [['Deployment', 'web', 'meshed', 1, 1, true]], codes: [] },
  { file: 'emojivoto_deployment_debug.golden.yaml', workloads: [['Deployment', 'web', 'meshed', 1, 1, false]], codes: [] },
  { file: 'emojivoto_deployment_opaque_ports.golden.yaml', workloads: [['Deployment', 'web', 'meshed', 1, 1, false]], codes: [] },
  // Overrides the proxy image version per workload: drift from the control plane.
  { file: 'emojivoto_deployment_config_overrides.golden.yaml', workloads: [['Deployment', 'web', 'meshed', 1, 1, false]], codes: ['proxy-version-drift'], version: 'override' },
  { file: 'emojivoto_deployment_udp.golden.yaml', workloads: [['Deployment', 'web', 'meshed', 1, 1, false]], codes: ['udp-not-proxied'] },
  { file: 'emojivoto_statefulset.golden.yaml', workloads: [['StatefulSet', 'web', 'meshed', 1, 1, false]], codes: [] },
  { file: 'emojivoto_pod.golden.yaml', workloads: [['Pod', 'vote-bot', 'meshed', 1, 1, false]], codes: [] },
  {
    file: 'emojivoto_already_injected.golden.yaml',
    workloads: [1, 2, 3, 4].map(i => ['Deployment', `web${i}`, 'meshed', 1, 1, false] as [string, string, string, number, number, boolean]),
    codes: [],
  },
  { file: 'emojivoto_deployment_hostNetwork_true.input.yaml', workloads: [['Deployment', 'web', 'unmeshed', 0, 1, false]], codes: ['host-network-unsupported'] },
  { file: 'emojivoto_istio.input.yaml', workloads: [['Deployment', 'web', 'unmeshed', 0, 1, false]], codes: ['other-mesh-present'] },
  { file: 'emojivoto_deployment_udp.input.yaml', workloads: [['Deployment', 'web', 'unmeshed', 0, 1, false]], codes: ['udp-not-proxied'] },
  // CronJob in batch/v1beta1: the CLI leaves it alone although it asks for injection. Its one
  // pod has Succeeded: viz does not count it (controller/k8s/api.go isPendingOrRunning), so
  // there is nothing to restart.
  { file: 'emojivoto_cronjob.golden.yaml', workloads: [['CronJob', 'hello', 'unmeshed', 0, 0, false]], codes: ['native-sidecar-recommended'] },
  { file: 'emojivoto_deployment_overridden_noinject.golden.yaml', workloads: [['Deployment', 'web', 'unmeshed', 0, 1, false]], codes: ['injection-pending-restart'] },
  { file: 'emojivoto_deployment_default_inbound_policy.golden.yaml', workloads: [['Deployment', 'web', 'unmeshed', 0, 1, false]], codes: ['injection-pending-restart'] },
  { file: 'emojivoto_deployment.input.yaml', workloads: [['Deployment', 'web', 'unmeshed', 0, 1, false]], codes: [] },
];

describe('analyzeCluster on Linkerd injector output', () => {
  it('covers every non-empty golden file', () => {
    const goldens = readdirSync(INJECTED_DIR).filter(f => f.endsWith('.golden.yaml') && readManifest(f).length > 0);
    const covered = cases.map(c => c.file);
    expect(goldens.filter(g => !covered.includes(g))).toEqual([]);
  });

  it.each(cases)('$file', ({ file, workloads, codes, version }) => {
    const mesh = analyzeCluster(clusterFromManifests(readManifest(file), { linkerdVersion: V }), NOW);
    mesh.workloads = mesh.workloads.filter(w => w.workload.namespace !== 'linkerd');
    const got = mesh.workloads.map(w => {
      const r = w.mesh.report;
      return [r.kind, r.name, r.state, r.meshedPods, r.totalPods, r.nativeSidecar];
    });
    expect(got).toEqual(workloads);
    expect([...new Set(mesh.workloads.flatMap(w => w.findings.map(f => f.code)))].sort()).toEqual([...codes].sort());
    for (const w of mesh.workloads.filter(x => x.mesh.report.meshedPods > 0)) {
      expect(w.mesh.report.proxyVersion).toBe(version ?? V);
    }
  });

  it('reports drift when proxies run another version than the control plane', () => {
    const mesh = analyzeCluster(clusterFromManifests(readManifest('emojivoto_deployment.golden.yaml'), { linkerdVersion: 'edge-25.10.7' }), NOW);
    const finding = mesh.workloads[0].findings.find(f => f.code === 'proxy-version-drift');
    expect(finding?.message).toContain(`${V} while the control plane is edge-25.10.7`);
    expect(finding).toMatchObject({ severity: 'warning', namespace: 'emojivoto', workload: 'Deployment/web' });
  });

  it('raises linkerd-not-installed and no restart finding without a control plane', () => {
    const mesh = analyzeCluster(clusterFromManifests(readManifest('emojivoto_deployment_overridden_noinject.golden.yaml')), NOW);
    expect(mesh.findings.map(f => f.code)).toEqual(['linkerd-not-installed']);
    expect(mesh.summary.linkerdInstalled).toBe(false);
    expect(mesh.workloads[0].findings).toEqual([]);
  });

  it('treats namespace-level injection like the webhook does', () => {
    const docs = readManifest('emojivoto_deployment.input.yaml');
    const enabled = analyzeCluster(clusterFromManifests(docs, { linkerdVersion: V, namespaceAnnotations: { 'linkerd.io/inject': 'enabled' } }), NOW);
    expect(enabled.workloads[0].mesh.report.injection).toBe('enabled');
    expect(enabled.workloads[0].findings.map(f => f.code)).toEqual(['injection-pending-restart']);
  });

  it('does not count Failed pods', () => {
    const mesh = analyzeCluster(clusterFromManifests(readManifest('emojivoto_deployment.golden.yaml'), { linkerdVersion: V, phase: 'Failed' }), NOW);
    expect(mesh.workloads[0].mesh.report).toMatchObject({ meshedPods: 0, totalPods: 0, state: 'unmeshed' });
  });
});

describe('near misses', () => {
  it('native-sidecar-recommended is not raised when the CronJob asks for the native sidecar', () => {
    const [cron] = readManifest('emojivoto_cronjob.golden.yaml');
    cron.spec.jobTemplate.spec.template.metadata.annotations['config.beta.linkerd.io/proxy-enable-native-sidecar'] = 'true';
    const mesh = analyzeCluster(clusterFromManifests([cron], { linkerdVersion: V }), NOW);
    expect(mesh.workloads.filter(w => w.workload.kind === 'CronJob').flatMap(w => w.findings.map(f => f.code))).toEqual([]);
  });

  it('reports HA only when every control-plane deployment runs 3 replicas', () => {
    const snapshot = clusterFromManifests(readManifest('emojivoto_deployment.golden.yaml'), { linkerdVersion: V });
    expect(analyzeCluster(snapshot, NOW).summary.highAvailability).toBe(false);
    snapshot.objects.deployments.filter(d => d.metadata.namespace === 'linkerd').forEach(d => { d.spec.replicas = 3; d.status = { readyReplicas: 3 }; });
    expect(analyzeCluster(snapshot, NOW).summary).toMatchObject({ highAvailability: true, controlPlaneHealthy: true });
  });
});
