import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { makeCluster } from '../../__testUtils__/makeCluster';
import { ClustersTable } from './ClustersTable';

describe('ClustersTable', () => {
  it('shows the Service with the most destination subscribers, the next ones on hover', async () => {
    await renderInTestApp(
      <ClustersTable
        clusters={[
          makeCluster({
            destinationHotSpots: [
              {
                cluster: 'local',
                namespace: 'auto-brand',
                service: 'nats',
                port: '4222',
                subscribers: 9,
              },
              {
                cluster: 'local',
                namespace: 'auto-brand',
                service: 'llm-service',
                port: '8001',
                subscribers: 3,
              },
            ],
          }),
        ]}
      />,
    );
    expect(
      screen.getByRole('columnheader', { name: 'Destination hot spot' }),
    ).toBeInTheDocument();
    expect(screen.getByText('nats:4222')).toBeInTheDocument();
    expect(screen.getByText('9 subscribers')).toBeInTheDocument();
    // The namespace and the next Services are on hover.
    expect(screen.getByText('nats:4222').closest('[title]')).toHaveAttribute(
      'title',
      'auto-brand/nats:4222 (9 subscribers)\nauto-brand/llm-service:8001 (3 subscribers)',
    );
  });

  it('names no hot spot without the control plane gauges', async () => {
    await renderInTestApp(<ClustersTable clusters={[makeCluster()]} />);
    expect(
      screen.getByRole('columnheader', { name: 'Destination hot spot' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/subscribers/)).not.toBeInTheDocument();
  });
});
