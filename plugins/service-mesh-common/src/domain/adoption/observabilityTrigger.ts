import { MetricsWindow } from '../metrics/metricsWindow';
import { AdoptionConfig } from './adoptionConfig';
import { AdoptionContext } from './adoptionContext';
import { InteractingEntity, InteractionScope, isBroker } from './interactionScope';
import { MetricsCoverage } from './metricsCoverage';
import { TriggerResult } from './triggerResult';
import { CoverageSource, brokerExported, workloadCoverage } from './workloadCoverage';

const round = (x: number) => Number(x.toFixed(3));
const list = (xs: string[]) => (xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** How one interacting workload's traffic is covered: a source, none (`undefined`), or unknown (no Prometheus). */
interface Judged {
  name: string;
  source?: CoverageSource;
  unknown: boolean;
}

function judge(e: InteractingEntity, byRef: Map<string, InteractingEntity>, metrics: MetricsWindow[], coverage: MetricsCoverage[]): Judged[] {
  const of = (cluster: string) => coverage.find(c => c.cluster === cluster);
  const hasPrometheus = (cluster: string) => Boolean(of(cluster)) || metrics.some(w => w.cluster === cluster);
  // Traffic through a bus is covered when every bus it uses has its exporter scraped.
  const busCovered = e.buses.length > 0 && e.buses.every(b => byRef.get(b)?.workloads.some(w => brokerExported(w.analyzed, of(w.cluster.summary.name))));
  return e.workloads.map(({ cluster, analyzed }) => {
    const name = `${analyzed.workload.namespace}/${analyzed.workload.name}`;
    const k = cluster.summary.name;
    if (!hasPrometheus(k)) return { name, unknown: true };
    const own = workloadCoverage(analyzed, cluster, of(k), metrics);
    if (own?.kind === 'proxy') return { name, source: own, unknown: false };
    if (isBroker(e.entry) && brokerExported(analyzed, of(k))) return { name, source: { kind: 'bus', detail: 'its exporter' }, unknown: false };
    if (own) return { name, source: own, unknown: false };
    if (e.busOnly && busCovered) return { name, source: { kind: 'bus', detail: `the exporter of ${list(e.buses.map(b => b.split('/').pop()!))}, which carries all its traffic` }, unknown: false };
    return { name, unknown: false };
  });
}

const SOURCE_WORDS: Record<CoverageSource['kind'], string> = {
  proxy: 'proxy metrics',
  app: 'its own request metrics',
  ingress: 'the ingress',
  bus: 'the bus exporter',
};

/**
 * `observability` over a scope: the share of interacting workloads whose traffic no metrics
 * source covers (proxy, the app's own request metrics, the ingress's per-service metrics, the
 * bus's exporter for traffic through the bus). Without a Prometheus it cannot tell.
 */
export function observabilityOver(scope: InteractionScope, metrics: MetricsWindow[], coverage: MetricsCoverage[], c: AdoptionConfig): TriggerResult {
  const bar = c.observability.share;
  const base = { id: 'observability' as const, fired: false, strength: 0, progress: 0 };
  if (scope.entities.length === 0) return { ...base, evidence: [`no service interactions in ${scope.label} in the catalog (edges between services or through a message broker): nothing to debug across services`] };
  const byRef = new Map(scope.entities.map(e => [e.entry.ref, e]));
  // Named in a stable order, whatever order the catalog lists its relations in.
  const judged = scope.entities.flatMap(e => judge(e, byRef, metrics, coverage)).sort((a, b) => a.name.localeCompare(b.name));
  const known = judged.filter(j => !j.unknown);
  if (known.length === 0) {
    return { ...base, evidence: [`cannot tell: no Prometheus for the cluster (serviceMesh.clusters[].prometheus), so the request metrics of the ${judged.length} interacting workloads in ${scope.label} cannot be checked`] };
  }
  const blind = known.filter(j => !j.source).map(j => j.name);
  const share = blind.length / known.length;
  const fired = share >= bar;
  const covered = known.filter(j => j.source).map(j => `${j.name} by ${SOURCE_WORDS[j.source!.kind]} (${j.source!.detail})`);
  const evidence = [
    `${blind.length} of ${known.length} interacting workloads in ${scope.label} have no request metrics from any source (bar: ${Math.round(bar * 100)} %)${blind.length ? `: ${blind.join(', ')}` : ''}`,
    ...(covered.length ? [`covered: ${covered.join('; ')}`] : []),
  ];
  if (known.length < judged.length) evidence.push(`${judged.length - known.length} workloads in clusters without a Prometheus cannot be judged`);
  const toFire = Math.max(0, Math.ceil(bar * known.length) - blind.length);
  const whatWouldChange = fired
    ? `request metrics for ${list(blind)} (their own, or a mesh's proxies) would clear it`
    : `${toFire} more interacting workload${toFire === 1 ? '' : 's'} without request metrics would fire it${blind.length ? `; request metrics for ${list(blind)} (their own, or a mesh's proxies) would clear it` : ''}`;
  return { id: 'observability', fired, strength: round(share), progress: round(Math.min(1, share / bar)), evidence, whatWouldChange };
}

/** `observability` for an entity: over its system (or its neighbourhood), see {@link observabilityOver}. */
export function observabilityTrigger(ctx: AdoptionContext, c: AdoptionConfig): TriggerResult {
  if (!ctx.catalog || !ctx.scope) return { id: 'observability', fired: false, strength: 0, progress: 0, evidence: ['cannot be evaluated: no catalog relations'] };
  return observabilityOver(ctx.scope, ctx.metrics, ctx.coverage ?? [], c);
}
