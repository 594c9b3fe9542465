import { RunbookStep } from '../../api/EntityMeshReport';
import { AnalyzedWorkload, ClusterMesh } from '../clusterMesh';
import { resource, step } from './step';

/** OTLP over gRPC, the proxy's default trace protocol (`LINKERD2_PROXY_TRACE_PROTOCOL` opentelemetry). */
const OTLP_GRPC_PORT = 4317;

/** An OpenTelemetry collector Service already in the cluster (a port 4317, a name that says so), as `host:port`. */
function collectorService(cluster: ClusterMesh): string | undefined {
  const svc = cluster.services.find(s => /otel|opentelemetry/i.test(s.metadata.name) && (s.spec?.ports ?? []).some(p => p.port === OTLP_GRPC_PORT));
  return svc && `${svc.metadata.name}.${svc.metadata.namespace}.svc.cluster.local:${OTLP_GRPC_PORT}`;
}

/**
 * The observability phase's tracing steps, from what `linkerd-config` configures
 * (`summary.tracing`, see tracingConfig.ts) and what the entity's proxies carry: done when both the
 * proxies and the control plane export to a collector, else the `linkerd upgrade --set` values that
 * are missing (with the configured collector, or one found in the cluster); then, for meshed
 * workloads whose proxies were injected before tracing was on, the restart that gives them the
 * collector (the injector sets it at injection time only).
 */
export function tracingSteps(cluster: ClusterMesh, workloads: AnalyzedWorkload[]): RunbookStep[] {
  const t = cluster.summary.tracing;
  const ns = cluster.controlPlane.namespace;
  const collector = t?.proxy.collector ?? t?.controlPlane.collector ?? collectorService(cluster);
  const missing: string[] = [];
  const sets: string[] = [];
  if (!t?.proxy.enabled) {
    missing.push('proxy tracing (proxy.tracing.enabled is false)');
    sets.push('proxy.tracing.enabled=true', `proxy.tracing.collector.endpoint=${collector ?? `<collector>.<namespace>.svc.cluster.local:${OTLP_GRPC_PORT}`}`);
  } else if (!t.proxy.collector) {
    missing.push('the proxies\' collector endpoint');
    sets.push(`proxy.tracing.collector.endpoint=${collector ?? `<collector>.<namespace>.svc.cluster.local:${OTLP_GRPC_PORT}`}`);
  }
  if (!t?.proxy.collectorIdentity) {
    if (t?.proxy.enabled) missing.push('the collector\'s mesh identity');
    sets.push('proxy.tracing.collector.meshIdentity.serviceAccountName=<collector service account>', 'proxy.tracing.collector.meshIdentity.namespace=<collector namespace>');
  }
  if (!t?.controlPlane.enabled) {
    missing.push('control-plane tracing (controller.tracing.enabled is false)');
    sets.push('controller.tracing.enabled=true');
  }
  const flags = sets.map(s => `--set ${s}`).join(' ');
  const configured = [
    t?.proxy.enabled && t.proxy.collector ? `proxies send spans to ${t.proxy.collector}${t.proxy.collectorIdentity ? ` (collector identity ${t.proxy.collectorIdentity})` : ''} as service ${t.proxy.serviceName ?? 'linkerd-proxy'}` : undefined,
    t?.controlPlane.enabled ? `destination and identity send spans to ${t.controlPlane.collector}` : undefined,
  ].filter(Boolean);
  let state = 'Linkerd is not installed yet: set the tracing values at install.';
  if (cluster.controlPlane.installed) state = configured.length ? `Configured in linkerd-config: ${configured.join('; ')}.` : 'linkerd-config configures no OpenTelemetry tracing.';
  const why = [
    state,
    missing.length ? `Missing: ${missing.join(', ')}.` : 'Nothing is missing.',
  ].join(' ');
  const steps = [step('observability', `opentelemetry-tracing-${cluster.summary.name}`, 'Export OpenTelemetry traces from the proxies and the control plane', why,
    sets.length ? [cluster.controlPlane.installed ? `linkerd upgrade ${flags} | kubectl apply -f -` : `# add to the control-plane install command above: ${flags}`] : [],
    missing.length === 0,
    { verify: [`kubectl -n ${ns} get configmap linkerd-config -o jsonpath='{.data.values}' | grep -A12 'tracing:'`], rollback: ['linkerd upgrade --set proxy.tracing.enabled=false --set controller.tracing.enabled=false | kubectl apply -f -'] })];
  const stale = t?.proxy.enabled ? workloads.filter(a => a.mesh.report.tracing && a.mesh.report.tracing.tracedPods < a.mesh.report.tracing.meshedPods && ['Deployment', 'StatefulSet', 'DaemonSet'].includes(a.workload.kind)) : [];
  for (const a of stale) {
    const w = a.workload;
    steps.push(step('observability', `tracing-restart-${w.namespace}-${w.name}`, `Restart ${w.kind} ${w.namespace}/${w.name} so its proxies export traces`,
      `${a.mesh.report.tracing!.meshedPods - a.mesh.report.tracing!.tracedPods} of its ${a.mesh.report.tracing!.meshedPods} proxies were injected before tracing was enabled: the injector adds the collector only to new pods.`,
      [`kubectl -n ${w.namespace} rollout restart ${resource(w.kind, w.name)}`], false,
      { verify: [`kubectl -n ${w.namespace} get pods -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.spec.containers[?(@.name=="linkerd-proxy")].env[?(@.name=="LINKERD2_PROXY_TRACE_COLLECTOR_SVC_ADDR")].value}{"\\n"}{end}'`] }));
  }
  return steps;
}
