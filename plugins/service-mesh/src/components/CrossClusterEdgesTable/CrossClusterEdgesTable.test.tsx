import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { CrossClusterEdgesTable } from './CrossClusterEdgesTable';

describe('CrossClusterEdgesTable', () => {
  it('marks calls to a mirror Service as cross-cluster, with target, rate, success and mTLS share', async () => {
    await renderInTestApp(
      <CrossClusterEdgesTable
        window="1h"
        edges={[
          {
            cluster: 'homelab-meshed',
            workload: 'auto-brand/Deployment/publisher',
            mirrorService: 'auto-brand/public-site-cloud-vps',
            targetCluster: 'cloud-vps',
            targetService: 'auto-brand/public-site',
            rps: 0.3,
            successRate: 0.99,
            tlsShare: 1,
            serverId:
              'linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.cluster.local',
          },
        ]}
      />,
    );
    const row = within(
      screen.getByRole('table', { name: 'Cross-cluster calls' }),
    )
      .getByText('auto-brand/public-site-cloud-vps')
      .closest('tr')!;
    expect(within(row).getByText('cross-cluster')).toBeInTheDocument();
    expect(
      within(row).getByText('auto-brand/public-site in cloud-vps'),
    ).toBeInTheDocument();
    expect(within(row).getByText('0.30')).toBeInTheDocument();
    expect(within(row).getByText('99.00%')).toBeInTheDocument();
    expect(within(row).getByText('100%')).toBeInTheDocument();
  });

  it('says when the entity called no mirrored Service', async () => {
    await renderInTestApp(<CrossClusterEdgesTable window="15m" edges={[]} />);
    expect(
      screen.getByText(
        'No calls to mirrored Services (Services of a linked cluster) in the last 15m.',
      ),
    ).toBeInTheDocument();
  });
});
