import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { makeReport } from '../../__testUtils__/makeReport';
import { ExternalWorkloadsTable } from './ExternalWorkloadsTable';

const external = (name: string, ready: boolean, readyReason?: string) => ({
  cluster: 'homelab',
  namespace: 'shop',
  kind: 'ExternalWorkload',
  name,
  state: 'meshed' as const,
  meshedPods: 0,
  totalPods: 0,
  nativeSidecar: false,
  external: {
    identity: `${name}.shop.serviceaccount.identity.linkerd.cluster.local`,
    ready,
    readyReason,
    workloadIPs: ['192.168.1.60'],
    ports: [{ port: 8010, name: 'http' }],
  },
});

describe('ExternalWorkloadsTable', () => {
  it("lists the ExternalWorkloads with identity, addresses, ports and readiness, not the pods' workloads", async () => {
    await renderInTestApp(
      <ExternalWorkloadsTable
        workloads={[
          ...makeReport().workloads,
          external('encoder-vm', true),
          external('backup-vm', false, 'ProbeFailed'),
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'ExternalWorkloads' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const row = within(table)
      .getByText('shop/encoder-vm (homelab)')
      .closest('tr')!;
    expect(
      within(row).getByText(
        'encoder-vm.shop.serviceaccount.identity.linkerd.cluster.local',
      ),
    ).toBeInTheDocument();
    expect(within(row).getByText('8010 (http)')).toBeInTheDocument();
    expect(within(row).getByText('ready')).toBeInTheDocument();
    expect(
      within(table).getByText('not ready: ProbeFailed'),
    ).toBeInTheDocument();
  });

  it('says every proxy runs in a pod when no ExternalWorkload matches', async () => {
    await renderInTestApp(
      <ExternalWorkloadsTable workloads={makeReport().workloads} />,
    );
    expect(
      screen.getByText(
        /No ExternalWorkload \(workload.linkerd.io\) matches this entity/,
      ),
    ).toBeInTheDocument();
  });
});
