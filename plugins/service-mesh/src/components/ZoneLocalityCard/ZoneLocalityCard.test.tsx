import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { ZoneLocalityCard } from './ZoneLocalityCard';

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
