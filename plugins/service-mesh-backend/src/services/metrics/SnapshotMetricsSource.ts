import { MetricsWindow, MulticlusterSamples } from '@meshlens/plugin-service-mesh-common';
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
  private readonly spacing: number;
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
