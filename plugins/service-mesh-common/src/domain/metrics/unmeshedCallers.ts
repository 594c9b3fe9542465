import { EdgeReport } from '../../api/EntityMeshReport';
import { MetricsCoverage } from '../adoption/metricsCoverage';
import { AnalyzedWorkload, ClusterMesh } from '../clusterMesh';
import { selectingServices } from '../serviceSelection';
import { excludedTraffic } from './inboundTraffic';
import { ingressServiceIds } from './ingressServiceIds';
import { metricWorkloadsOf } from './metricWorkloadsOf';
import { MetricsWindow, workloadKey } from './metricsWindow';
import { windowIndex } from './windowIndex';

/** The caller's name when nothing names the unmeshed clients. */
export const UNMESHED_CLIENTS = 'unmeshed clients';

/** The ingress's name when its metrics name it but its workload is not known. */
export const INGRESS_CALLER = 'Traefik';

/** What the entity's workloads are, per cluster (as `matchEntityWorkloads` gives them). */
export interface UnmeshedCallersInput {
  windows: MetricsWindow[];
  matched: Array<{ cluster: ClusterMesh; workloads: AnalyzedWorkload[] }>;
  /** Each cluster's Prometheus coverage (Traefik's per-service series), when read. */
  coverage: MetricsCoverage[];
}

interface Counts {
  success: number;
  failure: number;
  reasons: Map<string, number>;
}

const round = (x: number, d: number) => Number(x.toFixed(d));
const empty = (): Counts => ({ success: 0, failure: 0, reasons: new Map() });

/** The workload (`namespace/Kind/name`) whose pods include `namespace/pod`, if the cluster has it. */
function workloadOfPod(cluster: ClusterMesh, pod: string): string | undefined {
  const [namespace, name] = pod.split('/');
  const a = cluster.workloads.find(w => w.workload.namespace === namespace && w.workload.pods.some(p => p.metadata.name === name));
  const m = a && metricWorkloadsOf(a.workload)[0];
  return m && workloadKey(m);
}

/**
 * The ingress that forwards to one of the workload's Services, by Traefik's own per-service
 * series: its workload when the forwarding pod is known, else its name.
 */
function ingressOf(cluster: ClusterMesh, a: AnalyzedWorkload, coverage: MetricsCoverage | undefined): string | undefined {
  if (!coverage) return undefined;
  const services = selectingServices(cluster.services, a.workload.namespace, a.workload.template?.metadata?.labels);
  const ids = new Set(services.flatMap(ingressServiceIds).filter(id => coverage.ingressServices.includes(id)));
  if (ids.size === 0) return undefined;
  const pods = (coverage.ingressPods ?? []).filter(p => ids.has(p.service)).map(p => p.pod);
  return pods.map(p => workloadOfPod(cluster, p)).find(Boolean) ?? INGRESS_CALLER;
}

/**
 * Callers without a proxy: they have no outbound metrics, so they show only on the entity's side,
 * as inbound requests without mTLS (`tls` other than `true`). Per workload of the entity, the
 * plaintext requests it received, less those its meshed callers reported sending without mTLS,
 * less kubelet probes and the admin port, make one plaintext caller: the ingress when Traefik's
 * per-service series show it forwarding to one of the workload's Services, else "unmeshed clients".
 */
export function unmeshedCallers(input: UnmeshedCallersInput): EdgeReport[] {
  const out: EdgeReport[] = [];
  for (const w of input.windows) {
    const matched = input.matched.find(m => m.cluster.summary.name === w.cluster);
    if (!matched) continue;
    const index = windowIndex(w);
    const coverage = input.coverage.find(c => c.cluster === w.cluster);
    const seen = new Set<string>();
    for (const a of matched.workloads) {
      for (const key of metricWorkloadsOf(a.workload).map(workloadKey)) {
        if (seen.has(key)) continue;
        seen.add(key);
        const received = empty();
        for (const r of index.inbound.get(key) ?? []) {
          if (r.tls === 'true' || excludedTraffic(r)) continue;
          received[r.classification] += r.count;
          const reason = r.noTlsReason || r.tls;
          received.reasons.set(reason, (received.reasons.get(reason) ?? 0) + r.count);
        }
        const meshedPlain = empty();
        for (const r of index.edgesByDst.responses.get(key) ?? []) if (r.tls !== 'true') meshedPlain[r.classification] += r.count;
        const success = Math.max(0, received.success - meshedPlain.success);
        const failure = Math.max(0, received.failure - meshedPlain.failure);
        const requests = success + failure;
        // Less than one request over the window is counter extrapolation, not a caller.
        if (requests < 1) continue;
        const ingress = ingressOf(matched.cluster, a, coverage);
        const [reason] = [...received.reasons].sort((x, y) => y[1] - x[1])[0] ?? [];
        out.push({
          cluster: w.cluster,
          peer: ingress ?? UNMESHED_CLIENTS,
          meshed: false,
          peerKind: ingress ? 'ingress' : 'clients',
          workload: key,
          successRate: round(success / requests, 6),
          rps: round(requests / w.windowSeconds, 4),
          protocol: 'http',
          security: 'plaintext',
          tlsShare: 0,
          noTlsReason: reason,
          connections: 0,
        });
      }
    }
  }
  return out.sort((x, y) => y.rps - x.rps || x.peer.localeCompare(y.peer));
}
