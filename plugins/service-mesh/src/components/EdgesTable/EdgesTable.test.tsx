import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { ReactElement } from 'react';
import { makeEdge } from '../../__testUtils__/makeEdge';
import { EdgesTable } from './EdgesTable';

function render(element: ReactElement) {
  return renderInTestApp(element, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('EdgesTable', () => {
  it('links a known peer to its entity page and formats the numbers', async () => {
    await render(
      <EdgesTable
        title="Callers"
        emptyMessage="No callers."
        edges={[
          makeEdge({
            peer: 'shop/Deployment/web-ui',
            peerEntityRef: 'component:shop/web-ui',
          }),
        ]}
      />,
    );

    expect(screen.getByText('Callers')).toBeInTheDocument();
    const row = screen.getByText('shop/Deployment/web-ui').closest('tr')!;
    expect(within(row).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/shop/component/web-ui',
    );
    expect(within(row).getByText('homelab')).toBeInTheDocument();
    expect(
      within(row).getByText('shop/Deployment/checkout'),
    ).toBeInTheDocument();
    expect(within(row).getByText('99.50%')).toBeInTheDocument();
    expect(within(row).getByText('2.5')).toBeInTheDocument();
    expect(within(row).getByText('18.4 ms')).toBeInTheDocument();
    expect(within(row).getByText('mTLS')).toBeInTheDocument();
    expect(
      within(row).getByText(
        'checkout.shop.serviceaccount.identity.linkerd.cluster.local',
      ),
    ).toBeInTheDocument();
    expect(within(row).getByText('3')).toBeInTheDocument();
  });

  it('shows an unknown peer as text and a plaintext edge with its reason', async () => {
    await render(
      <EdgesTable
        title="Callees"
        emptyMessage="No callees."
        edges={[
          makeEdge({
            peer: 'data/StatefulSet/nats',
            successRate: undefined,
            rps: 0,
            latencyMs: undefined,
            security: 'plaintext',
            serverId: undefined,
            noTlsReason: 'not_provided_by_service_discovery',
            connections: 2,
          }),
        ]}
      />,
    );

    const row = screen.getByText('data/StatefulSet/nats').closest('tr')!;
    expect(within(row).queryByRole('link')).not.toBeInTheDocument();
    expect(within(row).getByText('plaintext')).toBeInTheDocument();
    expect(
      within(row).getByText('not_provided_by_service_discovery'),
    ).toBeInTheDocument();
    expect(within(row).getAllByText('—')).toHaveLength(2);
    expect(within(row).getByText('2')).toBeInTheDocument();
  });

  it('tells when there are no edges', async () => {
    await render(
      <EdgesTable title="Callers" emptyMessage="No callers." edges={[]} />,
    );

    expect(screen.getByText('No callers.')).toBeInTheDocument();
  });
});
