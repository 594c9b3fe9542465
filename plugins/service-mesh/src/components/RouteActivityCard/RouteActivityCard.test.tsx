import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { RouteActivity } from '@meshlens/plugin-service-mesh-common';
import { PolicyActivityCard } from '../PolicyActivityCard/PolicyActivityCard';
import { ZoneLocalityCard } from '../ZoneLocalityCard/ZoneLocalityCard';
import { RouteActivityCard } from './RouteActivityCard';

const route: RouteActivity = {
  cluster: 'c1',
  workload: 'shop/Deployment/cart',
  route: 'shop/cart-split',
  group: 'policy.linkerd.io',
  parents: ['Service/cart:8080'],
  configured: { retries: '5xx (limit 2)', timeout: '10s' },
  requests: 966,
  failures: 16,
  timeouts: { REQUEST_TIMEOUT: 4 },
  retries: { requests: 12, successes: 11, limitExceeded: 1, overflow: 0 },
  backends: [
    {
      backend: 'Service/cart:8080',
      weight: 99,
      configuredShare: 0.99,
      requests: 955,
      observedShare: 0.9896,
      failures: 0,
    },
    {
      backend: 'Service/cart-fault:8080',
      weight: 1,
      configuredShare: 0.01,
      requests: 10,
      observedShare: 0.0104,
      failures: 10,
      failureInjection: 'missing-service',
    },
  ],
};

describe('RouteActivityCard', () => {
  it('shows retries, timeouts and the observed split next to the weights, naming the failure-injection backend', async () => {
    await renderInTestApp(
      <RouteActivityCard
        routes={[route]}
        inbound={[
          {
            cluster: 'c1',
            workload: 'shop/Deployment/cart',
            server: 'server/cart-http:8080',
            route: 'default/default',
            requests: 100,
            responseFrames: { frames: 80, band: '1 KiB–10 KiB' },
          },
        ]}
        window="1h"
      />,
    );
    expect(
      screen.getByText(
        'HTTPRoute shop/cart-split on Service/cart:8080 (shop/Deployment/cart): retries 5xx (limit 2), timeout 10s',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /timeouts: 4 REQUEST_TIMEOUT; retries: 12 sent, 11 succeeded, 1 not sent \(limit\)/,
      ),
    ).toBeInTheDocument();
    const backends = screen.getByRole('table', {
      name: 'Backends of shop/cart-split',
    });
    const fault = within(backends)
      .getByText(/cart-fault:8080 — failure injection/)
      .closest('tr')!;
    expect(within(fault).getByText('1 (1.00%)')).toBeInTheDocument();
    expect(within(fault).getByText('1.04%')).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('table', { name: 'Inbound requests by route' }),
      ).getByText('1 KiB–10 KiB (median frame)'),
    ).toBeInTheDocument();
  });

  it('says when no route carried requests, and when there is no source of route metrics', async () => {
    const { unmount } = await renderInTestApp(
      <RouteActivityCard routes={[]} window="1h" />,
    );
    expect(
      screen.getByText(
        /No HTTPRoute of the entity's Services carried requests in the last 1h/,
      ),
    ).toBeInTheDocument();
    unmount();
    await renderInTestApp(<RouteActivityCard window="1h" />);
    expect(screen.getByText('No route metrics')).toBeInTheDocument();
  });
});

describe('PolicyActivityCard', () => {
  it('shows denials by route and client identity, and audit-only requests', async () => {
    await renderInTestApp(
      <PolicyActivityCard
        window="1h"
        activity={[
          {
            cluster: 'c1',
            workload: 'shop/Deployment/cart',
            totals: {
              'http-denied': 42,
              'tcp-denied': 0,
              'rate-limited': 0,
              'audit-allowed': 6,
            },
            rows: [
              {
                kind: 'http-denied',
                server: 'server/cart-http',
                route: 'default/default',
                clientId:
                  'scraper.tools.serviceaccount.identity.linkerd.cluster.local',
                tls: 'true',
                count: 42,
              },
              {
                kind: 'audit-allowed',
                server: 'server/cart-http',
                route: 'default/default',
                tls: 'no_identity',
                count: 6,
              },
            ],
          },
        ]}
      />,
    );
    expect(
      screen.getByText(
        'shop/Deployment/cart (c1): Denied (HTTP) 42 · Audit: would be denied 6',
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Policy activity of shop/Deployment/cart',
    });
    expect(
      within(table).getByText('no identity (tls=no_identity)'),
    ).toBeInTheDocument();
  });

  it('has an empty state for nothing denied and one for no metrics', async () => {
    const { unmount } = await renderInTestApp(
      <PolicyActivityCard activity={[]} window="15m" />,
    );
    expect(
      screen.getByText('Nothing denied, rate-limited or audited'),
    ).toBeInTheDocument();
    unmount();
    await renderInTestApp(<PolicyActivityCard window="15m" />);
    expect(screen.getByText('No authorization metrics')).toBeInTheDocument();
  });
});

describe('ZoneLocalityCard', () => {
  it('shows the share staying in the zone and the called Services’ routing setting', async () => {
    await renderInTestApp(
      <ZoneLocalityCard
        window="1h"
        zoneLocality={{
          localRequests: 600,
          remoteRequests: 400,
          unknownRequests: 0,
          localShare: 0.6,
          services: [
            {
              cluster: 'c1',
              namespace: 'shop',
              name: 'cart',
              trafficDistribution: 'PreferClose',
            },
            { cluster: 'c1', namespace: 'shop', name: 'stock' },
          ],
        }}
      />,
    );
    expect(screen.getByTestId('zone-local-share')).toHaveTextContent('60.00%');
    const table = screen.getByRole('table', {
      name: 'Topology-aware routing of the called Services',
    });
    expect(
      within(within(table).getByText('shop/cart').closest('tr')!).getByText(
        'PreferClose',
      ),
    ).toBeInTheDocument();
    expect(
      within(within(table).getByText('shop/stock').closest('tr')!).getAllByText(
        'not set',
      ),
    ).toHaveLength(2);
  });

  it('has an empty state without outbound requests', async () => {
    await renderInTestApp(<ZoneLocalityCard window="5m" />);
    expect(
      screen.getByText('No outbound requests to place in a zone'),
    ).toBeInTheDocument();
  });
});
