import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { PolicyActivityCard } from './PolicyActivityCard';

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
