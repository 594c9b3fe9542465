import { CrossClusterSample, metricWorkload, MulticlusterSamples } from '@meshlens/plugin-service-mesh-common';
import { VectorSample } from '../prometheus/PrometheusClient';
import { crossClusterSamples, gatewaySamples } from '../prometheus/readMulticlusterSamples';
import { CROSS_CLUSTER_LABELS } from '../prometheus/multiclusterQueries';
import { increase, valueAt } from './evaluateSeries';
import { RecordedSeries } from './parseOpenMetrics';

const GAUGES: Record<string, 'alive' | 'enabled' | 'latency'> = { gateway_alive: 'alive', gateway_enabled: 'enabled', gateway_latency: 'latency' };

/**
 * Evaluates recorded samples into what the multi-cluster queries return (multiclusterQueries.ts):
 * the gateway gauges at `end` by `target_cluster_name` (max), the probe latency buckets' increase,
 * and outbound requests to mirror Services summed by workload and the same labels.
 */
export function evaluateMulticluster(series: RecordedSeries[], cluster: string, end: number, windowSeconds: number): MulticlusterSamples {
  const gauges = { alive: new Map<string, VectorSample>(), enabled: new Map<string, VectorSample>(), latency: new Map<string, VectorSample>() };
  const sums = new Map<string, VectorSample>();
  const add = (key: string, metric: Record<string, string>, value: number) => {
    const e = sums.get(key);
    if (e) e.value += value;
    else sums.set(key, { metric, value });
  };
  const crossSums = new Map<string, VectorSample>();
  for (const s of series) {
    const l = s.labels;
    const gauge = GAUGES[s.name] ? gauges[GAUGES[s.name]] : undefined;
    if (gauge && l.target_cluster_name) {
      const v = valueAt(s.samples, end);
      const prev = gauge.get(l.target_cluster_name);
      if (v !== undefined && (!prev || v > prev.value)) gauge.set(l.target_cluster_name, { metric: { target_cluster_name: l.target_cluster_name }, value: v });
    } else if (s.name === 'gateway_probe_latency_ms_bucket' && l.target_cluster_name) {
      const v = increase(s.samples, end, windowSeconds);
      if (v !== undefined) add(`${l.target_cluster_name}|${l.le}`, { target_cluster_name: l.target_cluster_name, le: l.le }, v);
    } else if (s.name === 'response_total' && l.direction === 'outbound' && l.dst_target_cluster) {
      const workload = metricWorkload(l);
      const v = workload ? increase(s.samples, end, windowSeconds) : undefined;
      if (v === undefined || !workload) continue;
      const metric: Record<string, string> = { namespace: workload.namespace, ...ownerLabel(l), ...Object.fromEntries(CROSS_CLUSTER_LABELS.filter(k => l[k] !== undefined).map(k => [k, l[k]])) };
      const key = JSON.stringify(metric);
      const e = crossSums.get(key);
      if (e) e.value += v;
      else crossSums.set(key, { metric, value: v });
    }
  }
  const samples: CrossClusterSample[] = crossClusterSamples(cluster, [...crossSums.values()]);
  return {
    windowSeconds,
    gateways: gatewaySamples(cluster, { alive: [...gauges.alive.values()], enabled: [...gauges.enabled.values()], latency: [...gauges.latency.values()], buckets: [...sums.values()] }),
    crossCluster: samples,
  };
}

/** The owner label of the scraped proxy (or its pod when it has none), as the batched query groups. */
function ownerLabel(l: Record<string, string>): Record<string, string> {
  const w = metricWorkload(l)!;
  const label = Object.entries({ Deployment: 'deployment', StatefulSet: 'statefulset', DaemonSet: 'daemonset', Job: 'k8s_job', CronJob: 'cronjob', ReplicaSet: 'replicaset', ReplicationController: 'replicationcontroller', Pod: 'pod' }).find(([k]) => k === w.kind)?.[1] ?? 'pod';
  return { [label]: w.name };
}
