import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { makeReport } from '../../__testUtils__/makeReport';
import { ProxiesCard } from './ProxiesCard';

const [checkout, checkoutDb] = makeReport().workloads;
const clusters = makeReport().clusters;

function row(name: string): HTMLElement {
  return screen.getByText(name).closest('tr')!;
}

describe('ProxiesCard', () => {
  it('marks a proxy on the control-plane version as current', async () => {
    await renderInTestApp(
      <ProxiesCard workloads={[checkout]} clusters={clusters} />,
    );

    expect(screen.getByText('Proxies')).toBeInTheDocument();
    const meshed = row('shop/Deployment/checkout (homelab)');
    expect(within(meshed).getAllByText('edge-25.1.1')).toHaveLength(2);
    expect(
      within(meshed).getByTestId('proxy-version-status'),
    ).toHaveTextContent('current');
    expect(within(meshed).getByText('yes')).toBeInTheDocument();
    expect(within(meshed).getByText('2/2 pods meshed')).toBeInTheDocument();
  });

  it('is a named table with a header cell per column', async () => {
    await renderInTestApp(
      <ProxiesCard workloads={[checkout, checkoutDb]} clusters={clusters} />,
    );

    const table = screen.getByRole('table', { name: 'Proxies' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual([
      'Workload',
      'Proxy version',
      'Control plane',
      'Version',
      'Native sidecar',
      'Pods',
    ]);
    expect(within(table).getAllByRole('columnheader')[0]).toHaveAttribute(
      'scope',
      'col',
    );
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it('marks version drift from the control plane', async () => {
    const old = {
      ...checkout,
      state: 'partial' as const,
      meshedPods: 1,
      totalPods: 3,
      nativeSidecar: false,
      proxyVersion: 'edge-24.11.8',
    };
    await renderInTestApp(
      <ProxiesCard workloads={[old]} clusters={clusters} />,
    );

    const meshed = row('shop/Deployment/checkout (homelab)');
    expect(within(meshed).getByText('edge-24.11.8')).toBeInTheDocument();
    expect(within(meshed).getByText('edge-25.1.1')).toBeInTheDocument();
    expect(
      within(meshed).getByTestId('proxy-version-status'),
    ).toHaveTextContent('drift');
    expect(within(meshed).getByText('no')).toBeInTheDocument();
    expect(within(meshed).getByText('1/3 pods meshed')).toBeInTheDocument();
  });

  it('lists unmeshed workloads as having no proxy', async () => {
    await renderInTestApp(
      <ProxiesCard workloads={[checkout, checkoutDb]} clusters={clusters} />,
    );

    const unmeshed = row('shop/StatefulSet/checkout-db (homelab)');
    expect(within(unmeshed).getByText('no proxy')).toBeInTheDocument();
    expect(within(unmeshed).getByText('0/1 pods meshed')).toBeInTheDocument();
    expect(
      within(unmeshed).queryByTestId('proxy-version-status'),
    ).not.toBeInTheDocument();
    expect(screen.getAllByTestId('proxy-version-status')).toHaveLength(1);
  });

  it('shows no chip when the control-plane version is unknown', async () => {
    await renderInTestApp(
      <ProxiesCard
        workloads={[{ ...checkout, cluster: 'elsewhere' }]}
        clusters={clusters}
      />,
    );

    const meshed = row('shop/Deployment/checkout (elsewhere)');
    expect(within(meshed).getByText('unknown')).toBeInTheDocument();
    expect(
      screen.queryByTestId('proxy-version-status'),
    ).not.toBeInTheDocument();
  });
});
