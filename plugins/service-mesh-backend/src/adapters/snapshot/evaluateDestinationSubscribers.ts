import { destinationHotSpots, DestinationSubscribers } from '@meshlens/plugin-service-mesh-common';
import { DESTINATION_SUBSCRIBERS_BY } from '../prometheus/destinationQueries';
import { valueAt } from './evaluateSeries';
import { RecordedSeries } from './parseOpenMetrics';

/** destinationQueries.ts on a snapshot's recorded gauges: each series' value at `end`. */
export function evaluateDestinationSubscribers(series: RecordedSeries[], end: number): DestinationSubscribers[] {
  return destinationHotSpots(series.filter(s => s.name === 'endpoints_subscribers').flatMap(s => {
    const v = valueAt(s.samples, end);
    return v === undefined ? [] : [{ labels: Object.fromEntries(DESTINATION_SUBSCRIBERS_BY.filter(k => s.labels[k]).map(k => [k, s.labels[k]])), value: v }];
  }));
}
