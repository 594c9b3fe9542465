// The observability phase's tracing step follows the 2.19 tracing values (linkerd2 edge-25.10.7
// charts/linkerd-control-plane/values.yaml `controller.tracing`, `proxy.tracing`; the injector
// writes the collector into new proxies only, charts/partials/templates/_proxy.tpl), and says what
// is configured and what is missing.
import { analyzeCluster } from '../clusterMesh';
import { clusterFromManifests, readManifest } from '../__testUtils__/manifestCluster';
import { tracingSteps } from './tracingSteps';

const NOW = new Date('2026-11-20T12:00:00Z');
const TRACING = `linkerdVersion: edge-25.10.7
controller:
  tracing:
    enabled: true
proxy:
  tracing:
    enabled: true
    traceServiceName: linkerd-proxy
    collector:
      endpoint: otel-collector.monitoring.svc.cluster.local:4317
      meshIdentity:
        serviceAccountName: otel-collector
        namespace: monitoring
`;

function cluster(values?: string, traced = false, services: any[] = []) {
  const snapshot = clusterFromManifests(readManifest('emojivoto_deployment.golden.yaml'), { linkerdVersion: 'edge-25.10.7' });
  if (values) snapshot.objects.configMaps[0].data = { values };
  if (traced) for (const p of snapshot.objects.pods) p.spec.containers.find(c => c.name === 'linkerd-proxy')!.env!.push({ name: 'LINKERD2_PROXY_TRACE_COLLECTOR_SVC_ADDR', value: 'otel-collector.monitoring.svc.cluster.local:4317' });
  snapshot.objects.services.push(...services);
  const mesh = analyzeCluster(snapshot, NOW);
  return { mesh, workloads: mesh.workloads.filter(w => w.workload.namespace === 'emojivoto') };
}

describe('tracingSteps', () => {
  it('is done when proxies and control plane export, and says to which collector', () => {
    const { mesh, workloads } = cluster(TRACING, true);
    expect(mesh.summary.tracing).toMatchObject({ tracedPods: 1, meshedPods: 1 });
    const [s, ...rest] = tracingSteps(mesh, workloads);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ id: 'opentelemetry-tracing-test', phase: 'observability', done: true, commands: [] });
    expect(s.why).toContain('proxies send spans to otel-collector.monitoring.svc.cluster.local:4317 (collector identity otel-collector.monitoring.serviceaccount.identity.linkerd.cluster.local)');
    expect(s.why).toContain('Nothing is missing.');
  });

  it('with tracing enabled after injection, asks for the restart of the proxies without a collector', () => {
    const { mesh, workloads } = cluster(TRACING, false);
    const steps = tracingSteps(mesh, workloads);
    expect(steps.map(s => [s.id, s.done])).toEqual([['opentelemetry-tracing-test', true], ['tracing-restart-emojivoto-web', false]]);
    expect(steps[1].commands).toEqual(['kubectl -n emojivoto rollout restart deployment/web']);
  });

  it('without tracing values: what is missing, with an OpenTelemetry collector found in the cluster', () => {
    const otel = { kind: 'Service', metadata: { name: 'otel-collector', namespace: 'monitoring' }, spec: { ports: [{ name: 'otlp-grpc', port: 4317 }] } };
    const [s] = tracingSteps(...Object.values(cluster(undefined, false, [otel])) as [any, any]);
    expect(s.done).toBe(false);
    expect(s.why).toBe('linkerd-config configures no OpenTelemetry tracing. Missing: proxy tracing (proxy.tracing.enabled is false), control-plane tracing (controller.tracing.enabled is false).');
    expect(s.commands).toEqual(['linkerd upgrade --set proxy.tracing.enabled=true --set proxy.tracing.collector.endpoint=otel-collector.monitoring.svc.cluster.local:4317 --set proxy.tracing.collector.meshIdentity.serviceAccountName=<collector service account> --set proxy.tracing.collector.meshIdentity.namespace=<collector namespace> --set controller.tracing.enabled=true | kubectl apply -f -']);
  });

  it('before Linkerd is installed: the values go with the install', () => {
    const mesh = analyzeCluster(clusterFromManifests(readManifest('emojivoto_deployment.input.yaml')), NOW);
    const [s] = tracingSteps(mesh, mesh.workloads);
    expect(s.done).toBe(false);
    expect(s.why).toMatch(/^Linkerd is not installed yet: set the tracing values at install\. Missing: proxy tracing/);
    expect(s.commands[0]).toMatch(/^# add to the control-plane install command above: --set proxy\.tracing\.enabled=true --set proxy\.tracing\.collector\.endpoint=<collector>\.<namespace>\.svc\.cluster\.local:4317 /);
  });
});
