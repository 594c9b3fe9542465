import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { ClusterReport } from '@meshlens/plugin-service-mesh-common';
import { ClusterEgressTracingCard } from './ClusterEgressTracingCard';

const base: Omit<ClusterReport, 'name' | 'linkerdInstalled'> = { source: 'kubernetes', synced: true, observedAt: '2026-11-20T12:00:00Z', counts: { namespaces: 1, workloads: 1, meshedWorkloads: 1, pods: 1, meshedPods: 1 }, findings: [], errors: [], controlPlaneNamespace: 'linkerd' };
const meshed: ClusterReport = {
  ...base, name: 'homelab-meshed', linkerdInstalled: true,
  tracing: { controlPlane: { enabled: true, collector: 'otel-collector.monitoring.svc.cluster.local:4317' }, proxy: { enabled: true, collector: 'otel-collector.monitoring.svc.cluster.local:4317' }, tracedPods: 12, meshedPods: 12 },
  egressNetworks: [{ namespace: 'auto-brand', name: 'external', trafficPolicy: 'Deny', networks: [{ cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }], accepted: true }],
};
const plain: ClusterReport = { ...base, name: 'homelab', linkerdInstalled: false };

describe('ClusterEgressTracingCard', () => {
  it('shows each cluster\'s tracing and the EgressNetworks', async () => {
    await renderInTestApp(<ClusterEgressTracingCard clusters={[meshed, plain]} />);
    const tracing = screen.getByRole('table', { name: 'Tracing' });
    expect(within(tracing).getByText('proxies → otel-collector.monitoring.svc.cluster.local:4317 (12/12 proxies carry it); control plane → otel-collector.monitoring.svc.cluster.local:4317')).toBeInTheDocument();
    expect(within(tracing).getByText('Linkerd not installed')).toBeInTheDocument();
    const row = within(screen.getByRole('table', { name: 'EgressNetworks' })).getByText('auto-brand/external').closest('tr')!;
    expect([...row.querySelectorAll('td')].map(td => td.textContent)).toEqual(['homelab-meshed', 'auto-brand/external', 'Deny', '0.0.0.0/0 except 10.0.0.0/8', 'accepted']);
  });

  it('has an empty state without EgressNetworks', async () => {
    await renderInTestApp(<ClusterEgressTracingCard clusters={[plain]} />);
    expect(screen.queryByRole('table', { name: 'EgressNetworks' })).not.toBeInTheDocument();
    expect(screen.getByText(/^No EgressNetwork in any cluster/)).toBeInTheDocument();
  });
});
