import { DestinationSubscribers } from '../../api/DestinationSubscribers';

/**
 * The Services with the most endpoint subscribers (the destination controller's
 * `endpoints_subscribers` gauge, summed over its replicas and hostnames), most first; Services
 * without a subscriber are left out. The metric's own `namespace` label may have been renamed
 * `exported_namespace` by a scrape config that sets `namespace` on the target.
 */
export function destinationHotSpots(samples: Array<{ labels: Record<string, string>; value: number }>, top = 5): DestinationSubscribers[] {
  const sums = new Map<string, DestinationSubscribers>();
  for (const { labels: l, value } of samples) {
    if (!(value > 0) || !l.service) continue;
    const namespace = l.exported_namespace || l.namespace || '';
    const key = `${l.cluster ?? ''}|${namespace}|${l.service}|${l.port ?? ''}`;
    const e = sums.get(key);
    if (e) e.subscribers += value;
    else sums.set(key, { cluster: l.cluster || 'local', namespace, service: l.service, port: l.port ?? '', subscribers: value });
  }
  return [...sums.values()]
    .sort((a, b) => b.subscribers - a.subscribers || `${a.namespace}/${a.service}:${a.port}`.localeCompare(`${b.namespace}/${b.service}:${b.port}`))
    .slice(0, top);
}
