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

const clientId = 'web-ui.shop.serviceaccount.identity.linkerd.cluster.local';

describe('EdgesTable', () => {
  it('shows a caller short, with its entity, client identity, numbers with units and no cluster column', async () => {
    await render(
      <EdgesTable
        title="Callers"
        direction="callers"
        emptyMessage="No callers."
        edges={[
          makeEdge({
            peer: 'shop/Deployment/web-ui',
            peerEntityRef: 'component:shop/web-ui',
            clientId,
          }),
        ]}
      />,
    );

    expect(screen.getByText('Callers')).toBeInTheDocument();
    expect(
      screen.getByRole('columnheader', { name: 'Client identity' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('columnheader', { name: 'Cluster' }),
    ).not.toBeInTheDocument();
    const peer = screen.getByText('web-ui', { selector: '[data-full] a' });
    expect(peer.closest('[data-full]')).toHaveAttribute(
      'data-full',
      'shop/Deployment/web-ui',
    );
    const row = peer.closest('tr')!;
    expect(within(row).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/shop/component/web-ui',
    );
    // The caller's identity, not the server's.
    expect(within(row).getByText('web-ui.shop')).toHaveAttribute(
      'data-full',
      clientId,
    );
    expect(within(row).queryByText(/^checkout\.shop/)).not.toBeInTheDocument();
    expect(
      within(row).getByRole('button', {
        name: `Copy client identity ${clientId}`,
      }),
    ).toBeInTheDocument();
    // One own workload: no column for it.
    expect(
      screen.queryByRole('columnheader', { name: 'Calls' }),
    ).not.toBeInTheDocument();
    expect(within(row).getByText('99.50%')).toBeInTheDocument();
    expect(within(row).getByText('2.5 rps')).toBeInTheDocument();
    expect(within(row).getByText('18.4 ms')).toBeInTheDocument();
    expect(within(row).getByText('mTLS')).toBeInTheDocument();
    // Open connections under the rate (no column of their own).
    expect(within(row).getByText('3 conns')).toBeInTheDocument();
    expect(
      screen.queryByRole('columnheader', { name: 'Conns' }),
    ).not.toBeInTheDocument();
  });

  it('shows a callee with the server identity, partial and TCP edges, and the cluster column across clusters', async () => {
    await render(
      <EdgesTable
        title="Callees"
        direction="callees"
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
            protocol: 'tcp',
            connections: 2,
          }),
          makeEdge({
            cluster: 'edge',
            peer: 'data/StatefulSet/pg',
            security: 'partial',
            tlsShare: 0.6,
          }),
        ]}
      />,
    );

    expect(
      screen.getByRole('columnheader', { name: 'Server identity' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('columnheader', { name: 'Cluster' }),
    ).toBeInTheDocument();
    // The entity's workload in each cluster: a column for it.
    expect(
      screen.getByRole('columnheader', { name: 'From' }),
    ).toBeInTheDocument();
    const nats = screen
      .getByText('nats', { selector: '[data-full]' })
      .closest('tr')!;
    expect(within(nats).queryByRole('link')).not.toBeInTheDocument();
    expect(within(nats).getByText('plaintext')).toBeInTheDocument();
    expect(within(nats).getByText('TCP')).toBeInTheDocument();
    expect(within(nats).getAllByText('—')).toHaveLength(3);
    const pg = screen
      .getByText('pg', { selector: '[data-full]' })
      .closest('tr')!;
    expect(within(pg).getByText('partial 60.00%')).toBeInTheDocument();
    expect(within(pg).getByText('checkout.shop')).toBeInTheDocument();
    expect(within(pg).getByText('edge')).toBeInTheDocument();
  });

  it('shows an unmeshed caller as not meshed, plaintext, without p95 or connections', async () => {
    await render(
      <EdgesTable
        title="Callers"
        direction="callers"
        emptyMessage="No callers."
        edges={[
          makeEdge({
            peer: 'unmeshed clients',
            meshed: false,
            peerKind: 'clients',
            security: 'plaintext',
            protocol: 'http',
            rps: 8,
            successRate: 0.998,
            latencyMs: undefined,
            serverId: undefined,
            noTlsReason: 'no_tls_from_remote',
            connections: 0,
          }),
        ]}
      />,
    );
    const row = screen.getByText('unmeshed clients').closest('tr')!;
    expect(within(row).getByText('none (not meshed)')).toBeInTheDocument();
    expect(within(row).getByText('plaintext')).toBeInTheDocument();
    expect(within(row).getByText('8 rps')).toBeInTheDocument();
    expect(within(row).getByText('99.80%')).toBeInTheDocument();
    // No p95 (the inbound latency is not split by TLS) and no connections (not attributed).
    expect(within(row).getAllByText('—')).toHaveLength(1);
    expect(within(row).queryByText(/conns?$/)).not.toBeInTheDocument();
  });

  it('tells when there are no edges', async () => {
    await render(
      <EdgesTable
        title="Callers"
        direction="callers"
        emptyMessage="No callers."
        edges={[]}
      />,
    );
    expect(screen.getByText('No callers.')).toBeInTheDocument();
  });
});
