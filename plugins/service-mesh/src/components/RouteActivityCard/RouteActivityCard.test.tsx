import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { RouteActivity } from '@meshlens/plugin-service-mesh-common';
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
