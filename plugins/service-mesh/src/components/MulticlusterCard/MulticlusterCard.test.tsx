import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { makeCluster } from '../../__testUtils__/makeCluster';
import { MulticlusterCard } from './MulticlusterCard';

const link = {
  namespace: 'linkerd-multicluster',
  name: 'cloud-vps',
  targetClusterName: 'cloud-vps',
  gatewayAddress: '198.51.100.24',
  gatewayPort: '4143',
  probe: { path: '/ready' },
  selectors: {},
  mirroredServices: 1,
};

describe('MulticlusterCard', () => {
  it('lists each Link with its gateway, probe state and latency, and the mirrored and federated Services', async () => {
    await renderInTestApp(
      <MulticlusterCard
        clusters={[
          makeCluster({
            multicluster: {
              links: [
                {
                  ...link,
                  probeState: 'alive',
                  probeLatencyMs: 38,
                  probeLatencyP95Ms: 55.2,
                },
                {
                  ...link,
                  name: 'east',
                  targetClusterName: 'east',
                  probeState: 'down',
                  mirroredServices: 0,
                },
              ],
              mirroredServices: [
                {
                  namespace: 'auto-brand',
                  name: 'public-site-cloud-vps',
                  targetCluster: 'cloud-vps',
                  targetService: 'auto-brand/public-site',
                  mode: 'gateway',
                },
              ],
              federatedServices: [
                {
                  namespace: 'auto-brand',
                  name: 'search-federated',
                  remoteMembers: ['search@east'],
                  localMember: 'search',
                },
              ],
            },
          }),
        ]}
      />,
    );
    const links = screen.getByRole('table', { name: 'Links' });
    const row = within(links)
      .getByText('linkerd-multicluster/cloud-vps')
      .closest('tr')!;
    expect(within(row).getByTestId('gateway-probe-state')).toHaveTextContent(
      'alive',
    );
    expect(within(row).getByText('38 ms (p95 55.2 ms)')).toBeInTheDocument();
    expect(within(row).getByText('198.51.100.24:4143')).toBeInTheDocument();
    const east = within(links)
      .getByText('linkerd-multicluster/east')
      .closest('tr')!;
    expect(within(east).getByTestId('gateway-probe-state')).toHaveTextContent(
      'down',
    );
    const mirrors = screen.getByRole('table', { name: 'Mirrored Services' });
    expect(
      within(mirrors).getByText('auto-brand/public-site in cloud-vps'),
    ).toBeInTheDocument();
    expect(
      within(mirrors).getByText('search (local), search@east'),
    ).toBeInTheDocument();
  });

  it('says no cluster is linked when no cluster has a Link or a mirror', async () => {
    await renderInTestApp(
      <MulticlusterCard
        clusters={[
          makeCluster(),
          makeCluster({
            name: 'staging',
            multicluster: {
              links: [],
              mirroredServices: [],
              federatedServices: [],
            },
          }),
        ]}
      />,
    );
    expect(screen.getByText('No cluster is linked')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
