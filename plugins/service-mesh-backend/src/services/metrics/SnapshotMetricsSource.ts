import { MetricsWindow } from '@meshlens/plugin-service-mesh-common';
import { evaluateMetrics } from '../../adapters/snapshot/evaluateMetrics';
import { RecordedSeries } from '../../adapters/snapshot/parseOpenMetrics';
import { MetricsSource } from './MetricsSource';

/** Recorded OpenMetrics samples of a snapshot, evaluated at the end of the recording. */
export class SnapshotMetricsSource implements MetricsSource {
  private readonly windows = new Map<number, MetricsWindow>();

  constructor(private readonly cluster: string, private readonly series: RecordedSeries[], private readonly end: number) {}

  async getWindow(windowSeconds: number): Promise<MetricsWindow> {
    let w = this.windows.get(windowSeconds);
    if (!w) {
      w = evaluateMetrics(this.series, this.cluster, this.end, windowSeconds);
      this.windows.set(windowSeconds, w);
    }
    return w;
  }
}
