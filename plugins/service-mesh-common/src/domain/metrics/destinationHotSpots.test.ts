// endpoints_subscribers{cluster, namespace, service, port, hostname}: linkerd2 edge-25.10.7
// controller/api/destination/watcher/prometheus.go (newMetricsVecs, endpointsLabels); the local
// cluster is "local" (controller/api/destination/server.go, NewEndpointsWatcher(..., "local")).
// viz scrapes it with the `linkerd-controller` job, which sets no namespace target label
// (viz/charts/linkerd-viz/templates/prometheus.yaml).
import { destinationHotSpots } from './destinationHotSpots';

const g = (namespace: string, service: string, port: string, value: number, extra: Record<string, string> = {}) =>
  ({ labels: { cluster: 'local', namespace, service, port, hostname: '', ...extra }, value });

describe('destinationHotSpots', () => {
  it('sums replicas and hostnames per Service and port, most subscribers first, at most `top`', () => {
    expect(destinationHotSpots([
      g('auto-brand', 'nats', '4222', 5, { pod: 'linkerd-destination-a' }),
      g('auto-brand', 'nats', '4222', 4, { pod: 'linkerd-destination-b' }),
      g('auto-brand', 'llm-service', '8001', 2),
      g('auto-brand', 'publisher', '8003', 2),
      g('auto-brand', 'video-service', '8002', 0),
    ], 2)).toEqual([
      { cluster: 'local', namespace: 'auto-brand', service: 'nats', port: '4222', subscribers: 9 },
      { cluster: 'local', namespace: 'auto-brand', service: 'llm-service', port: '8001', subscribers: 2 },
    ]);
  });

  it('reads exported_namespace when the scrape config took `namespace`', () => {
    expect(destinationHotSpots([{ labels: { cluster: 'local', namespace: 'linkerd', exported_namespace: 'shop', service: 'cart', port: '8080' }, value: 3 }])[0].namespace).toBe('shop');
  });
});
