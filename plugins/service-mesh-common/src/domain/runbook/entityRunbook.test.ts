import { analyzeCluster } from '../clusterMesh';
import { clusterFromManifests, readManifest } from '../__testUtils__/manifestCluster';
import { entityRunbook } from './entityRunbook';
import { runbookMarkdown } from './runbookMarkdown';

const NOW = new Date('2026-11-20T12:00:00Z');
const V = 'test-inject-proxy-version';
const runbook = (docs: any[], opts: Parameters<typeof clusterFromManifests>[1] = {}) => {
  const mesh = analyzeCluster(clusterFromManifests(docs, opts), NOW);
  const workloads = mesh.workloads.filter(w => w.workload.namespace !== 'linkerd');
  return entityRunbook({ matched: [{ cluster: mesh, workloads }] });
};
const byId = (steps: ReturnType<typeof entityRunbook>) => new Map(steps.map(s => [s.id, s]));

describe('entityRunbook', () => {
  it('orders the ten phases and leaves install steps open without Linkerd', () => {
    const steps = runbook(readManifest('emojivoto_deployment.input.yaml'));
    const phases = [...new Set(steps.map(s => s.phase))];
    expect(phases).toEqual(['prerequisites', 'certificates', 'install', 'verify-control-plane', 'mesh-workloads', 'verify-traffic', 'observability', 'failure-scenarios', 'rollback-and-removal']);
    expect(byId(steps).get('control-plane')?.done).toBe(false);
    expect(byId(steps).get('rollout-emojivoto-web')).toMatchObject({ done: false, commands: ['kubectl -n emojivoto rollout restart deployment/web', 'kubectl -n emojivoto rollout status deployment/web'] });
  });

  it('marks installed, annotated and meshed steps done from the live state', () => {
    const steps = byId(runbook(readManifest('emojivoto_deployment.golden.yaml'), { linkerdVersion: V, namespaceAnnotations: { 'linkerd.io/inject': 'enabled' } }));
    expect([steps.get('control-plane')?.done, steps.get('annotate-emojivoto')?.done, steps.get('rollout-emojivoto-web')?.done]).toEqual([true, true, true]);
  });

  it('adds the native-sidecar step for CronJobs, done once requested', () => {
    const [cron] = readManifest('emojivoto_cronjob.golden.yaml');
    expect(byId(runbook([cron])).get('native-sidecar-emojivoto-hello')?.done).toBe(false);
    cron.spec.jobTemplate.spec.template.metadata.annotations['config.beta.linkerd.io/proxy-enable-native-sidecar'] = 'true';
    expect(byId(runbook([cron])).get('native-sidecar-emojivoto-hello')?.done).toBe(true);
  });

  it('puts the decision about hostNetwork before injection and skips its rollout', () => {
    const steps = runbook(readManifest('emojivoto_deployment_hostNetwork_true.input.yaml'));
    const ids = steps.map(s => s.id);
    expect(ids).toContain('host-network-unsupported-emojivoto-web');
    expect(ids.indexOf('host-network-unsupported-emojivoto-web')).toBeLessThan(ids.indexOf('annotate-emojivoto'));
    expect(ids).not.toContain('rollout-emojivoto-web');
  });

  it('adds the policies phase only when multi-team or compliance fired', () => {
    const docs = readManifest('emojivoto_deployment.input.yaml');
    const mesh = analyzeCluster(clusterFromManifests(docs), NOW);
    const adoption = (fired: boolean) => ({ score: 0, recommendation: 'adopt-now' as const, explanation: '', cost: { sidecarMemoryMiB: 0, controlPlaneMemoryMiB: 0, totalMemoryMiB: 0, allocatableMemoryMiB: 0, statements: [] }, triggers: [{ id: 'compliance' as const, fired, strength: fired ? 1 : 0, evidence: [] }] });
    expect(entityRunbook({ matched: [{ cluster: mesh, workloads: mesh.workloads }], adoption: adoption(true) }).some(s => s.phase === 'policies')).toBe(true);
    expect(entityRunbook({ matched: [{ cluster: mesh, workloads: mesh.workloads }], adoption: adoption(false) }).some(s => s.phase === 'policies')).toBe(false);
  });

  it('renders Markdown an operator can follow', () => {
    const md = runbookMarkdown('component:default/web', '2026-11-20T12:00:00.000Z', runbook(readManifest('emojivoto_deployment.input.yaml')));
    expect(md).toMatch(/^# Linkerd adoption runbook: component:default\/web\n/);
    expect(md).toContain('## Mesh the workloads');
    expect(md).toContain('```sh\nkubectl annotate namespace emojivoto linkerd.io/inject=enabled\n```');
  });
});
