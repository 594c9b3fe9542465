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
      'Traces',
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

  it('shows where the proxies send traces, the restart still owed, and the cluster\'s tracing', async () => {
    const traced = { ...checkout, tracing: { tracedPods: 2, meshedPods: 2, collectors: ['otel-collector.monitoring.svc.cluster.local:4317'] } };
    const half = { ...checkout, name: 'cart', tracing: { tracedPods: 1, meshedPods: 2, collectors: ['otel-collector.monitoring.svc.cluster.local:4317'] } };
    const tracing = { controlPlane: { enabled: true, collector: 'otel-collector.monitoring.svc.cluster.local:4317' }, proxy: { enabled: true, collector: 'otel-collector.monitoring.svc.cluster.local:4317' }, tracedPods: 3, meshedPods: 4 };
    await renderInTestApp(
      <ProxiesCard workloads={[traced, half]} clusters={clusters.map(c => ({ ...c, tracing }))} />,
    );
    expect(within(row('shop/Deployment/checkout (homelab)')).getByTitle('→ otel-collector.monitoring.svc.cluster.local:4317')).toHaveTextContent(/^yes$/);
    expect(within(row('shop/Deployment/cart (homelab)')).getByTitle('→ otel-collector.monitoring.svc.cluster.local:4317; restart the workload for the rest')).toHaveTextContent(/^1 of 2$/);
    expect(screen.getByText('OpenTelemetry tracing in homelab: proxies → otel-collector.monitoring.svc.cluster.local:4317 (3/4 proxies carry it); control plane → otel-collector.monitoring.svc.cluster.local:4317.')).toBeInTheDocument();
  });

  it('says when no tracing is configured', async () => {
    const tracing = { controlPlane: { enabled: false }, proxy: { enabled: false }, tracedPods: 0, meshedPods: 2 };
    await renderInTestApp(<ProxiesCard workloads={[checkout]} clusters={clusters.map(c => ({ ...c, tracing }))} />);
    expect(screen.getByText('OpenTelemetry tracing in homelab: not configured (proxy.tracing and controller.tracing off).')).toBeInTheDocument();
  });
});
