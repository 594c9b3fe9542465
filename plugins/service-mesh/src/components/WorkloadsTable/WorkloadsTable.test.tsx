import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { makeReport } from '../../__testUtils__/makeReport';
import { WorkloadsTable } from './WorkloadsTable';

describe('WorkloadsTable', () => {
  it('shows each workload by name with its kind and namespace under it, and failed pods under the count', async () => {
    const [checkout, db] = makeReport().workloads;
    await renderInTestApp(
      <WorkloadsTable workloads={[{ ...checkout, failedPods: 1 }, db]} />,
    );
    expect(screen.getAllByRole('columnheader').map(h => h.textContent)).toEqual(
      [
        'Workload',
        'State',
        'Meshed pods',
        'Proxy version',
        'Native sidecar',
        'Injection',
      ],
    );
    const row = screen.getByText('checkout').closest('tr')!;
    expect(within(row).getByText('Deployment · shop')).toBeInTheDocument();
    expect(within(row).getByText('2/2')).toBeInTheDocument();
    expect(within(row).getByText('1 failed, not counted')).toBeInTheDocument();
    const dbRow = screen.getByText('checkout-db').closest('tr')!;
    expect(within(dbRow).getByText('StatefulSet · shop')).toBeInTheDocument();
    expect(within(dbRow).queryByText(/failed/)).not.toBeInTheDocument();
  });

  it('adds the cluster column only across clusters', async () => {
    const [checkout] = makeReport().workloads;
    await renderInTestApp(
      <WorkloadsTable
        workloads={[checkout, { ...checkout, cluster: 'edge' }]}
      />,
    );
    expect(
      screen.getByRole('columnheader', { name: 'Cluster' }),
    ).toBeInTheDocument();
    expect(screen.getByText('edge')).toBeInTheDocument();
  });
});
