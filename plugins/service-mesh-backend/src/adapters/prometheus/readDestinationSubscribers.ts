import { destinationHotSpots, DestinationSubscribers } from '@meshlens/plugin-service-mesh-common';
import { DESTINATION_SUBSCRIBERS_QUERY } from './destinationQueries';
import { PrometheusClient } from './PrometheusClient';

/** The cluster's destination hot spots at `end`. */
export async function readDestinationSubscribers(client: PrometheusClient, end: number): Promise<DestinationSubscribers[]> {
  const rows = await client.instant(DESTINATION_SUBSCRIBERS_QUERY, end);
  return destinationHotSpots(rows.map(r => ({ labels: r.metric, value: r.value })));
}
