import { MetricsWindow } from '@meshlens/plugin-service-mesh-common';
import { evaluateMetrics } from '../../adapters/snapshot/evaluateMetrics';
import { RecordedSeries } from '../../adapters/snapshot/parseOpenMetrics';
import { MetricsSource } from './MetricsSource';
import { seriesStep } from '../../adapters/prometheus/readMetricsSeries';

/** Recorded OpenMetrics samples of a snapshot, evaluated at the end of the recording. */
export class SnapshotMetricsSource implements MetricsSource {
  private readonly windows = new Map<number, MetricsWindow>();
  private readonly series = new Map<number, MetricsWindow[]>();

  constructor(private readonly cluster: string, private readonly recorded: RecordedSeries[], private readonly end: number) {}

  async getSeries(windowSeconds: number): Promise<MetricsWindow[]> {
    let points = this.series.get(windowSeconds);
    if (!points) {
      const step = seriesStep(windowSeconds);
      const ends = Array.from({ length: Math.floor(windowSeconds / step) }, (_, i) => this.end - windowSeconds + step * (i + 1));
      points = ends.map(t => evaluateMetrics(this.recorded, this.cluster, t, step));
      this.series.set(windowSeconds, points);
    }
    return points;
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
