import { DestinationSubscribers, EgressSample, MetricsWindow, MulticlusterSamples, PolicySample, RouteSample } from '@meshlens/plugin-service-mesh-common';
import { evaluateEgress } from '../../adapters/snapshot/evaluateEgress';
import { evaluateDestinationSubscribers } from '../../adapters/snapshot/evaluateDestinationSubscribers';
import { evaluatePolicySamples, evaluateRouteSamples } from '../../adapters/snapshot/evaluateRouteSamples';
import { evaluateMulticluster } from '../../adapters/snapshot/evaluateMulticluster';
import { evaluateMetrics } from '../../adapters/snapshot/evaluateMetrics';
import { sampleSpacing } from '../../adapters/snapshot/evaluateSeries';
import { RecordedSeries } from '../../adapters/snapshot/parseOpenMetrics';
import { DEFAULT_SCRAPE_INTERVAL_SECONDS, seriesSteps } from '../../adapters/prometheus/seriesSteps';
import { MetricsSource } from './MetricsSource';

/**
 * Recorded OpenMetrics samples of a snapshot, evaluated at the end of the recording. The series'
 * step ranges follow the spacing of the recorded samples (the scrape or capture interval).
 */
export class SnapshotMetricsSource implements MetricsSource {
  private readonly windows = new Map<number, MetricsWindow>();
  private readonly series = new Map<number, MetricsWindow[]>();
  private readonly egress = new Map<number, EgressSample[]>();
  private readonly spacing: number;
  private readonly policy = new Map<number, PolicySample[]>();
  private readonly routes = new Map<number, RouteSample[]>();
  private hotSpots?: DestinationSubscribers[];
  private readonly multicluster = new Map<number, MulticlusterSamples>();

  constructor(private readonly cluster: string, private readonly recorded: RecordedSeries[], private readonly end: number) {
    this.spacing = sampleSpacing(recorded) ?? DEFAULT_SCRAPE_INTERVAL_SECONDS;
  }

  async getSeries(windowSeconds: number): Promise<MetricsWindow[]> {
    let points = this.series.get(windowSeconds);
    if (!points) {
      const { step, range } = seriesSteps(windowSeconds, this.spacing);
      const ends = Array.from({ length: Math.floor(windowSeconds / step) }, (_, i) => this.end - windowSeconds + step * (i + 1));
      points = ends.map(t => evaluateMetrics(this.recorded, this.cluster, t, range));
      this.series.set(windowSeconds, points);
    }
    return points;
  }

  async getEgressSamples(windowSeconds: number): Promise<EgressSample[]> {
    let samples = this.egress.get(windowSeconds);
    if (!samples) {
      samples = evaluateEgress(this.recorded, this.cluster, this.end, windowSeconds);
      this.egress.set(windowSeconds, samples);
    }
    return samples;
  }

  async getPolicySamples(windowSeconds: number): Promise<PolicySample[]> {
    if (!this.policy.has(windowSeconds)) this.policy.set(windowSeconds, evaluatePolicySamples(this.recorded, this.cluster, this.end, windowSeconds));
    return this.policy.get(windowSeconds)!;
  }

  async getDestinationHotSpots(): Promise<DestinationSubscribers[]> {
    this.hotSpots ??= evaluateDestinationSubscribers(this.recorded, this.end);
    return this.hotSpots;
  }

  async getRouteSamples(windowSeconds: number): Promise<RouteSample[]> {
    if (!this.routes.has(windowSeconds)) this.routes.set(windowSeconds, evaluateRouteSamples(this.recorded, this.cluster, this.end, windowSeconds));
    return this.routes.get(windowSeconds)!;
  }

  async getMulticlusterSamples(windowSeconds: number): Promise<MulticlusterSamples> {
    let m = this.multicluster.get(windowSeconds);
    if (!m) {
      m = evaluateMulticluster(this.recorded, this.cluster, this.end, windowSeconds);
      this.multicluster.set(windowSeconds, m);
    }
    return m;
  }

  async getWindow(windowSeconds: number): Promise<MetricsWindow> {
    let w = this.windows.get(windowSeconds);
    if (!w) {
      w = evaluateMetrics(this.recorded, this.cluster, this.end, windowSeconds);
      this.windows.set(windowSeconds, w);
    }
    return w;
  }
}
