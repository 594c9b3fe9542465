import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeReport } from '../../__testUtils__/makeReport';
import { MeshStatusCard } from './MeshStatusCard';

describe('MeshStatusCard', () => {
  it('shows the state, pods, clusters and time, and refreshes on request', async () => {
    const onRefresh = jest.fn();
    await renderInTestApp(
      <MeshStatusCard report={makeReport()} onRefresh={onRefresh} />,
    );

    expect(screen.getByText('Meshed pods 2/3')).toBeInTheDocument();
    expect(screen.getByText('Clusters').nextElementSibling).toHaveTextContent(
      'homelab: Linkerd',
    );
    expect(
      screen.getByText('Last update').nextElementSibling?.querySelector('time'),
    ).toHaveAttribute('dateTime', '2025-01-02T03:04:05.000Z');

    const refresh = screen.getByRole('button', { name: 'Refresh' });
    expect(refresh).toHaveAttribute('aria-busy', 'false');
    await userEvent.click(refresh);
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('names the progress of a running refresh and disables the button', async () => {
    await renderInTestApp(
      <MeshStatusCard report={makeReport()} onRefresh={() => {}} refreshing />,
    );

    const refresh = screen.getByRole('button', { name: /Refresh/ });
    expect(refresh).toBeDisabled();
    expect(refresh).toHaveAttribute('aria-busy', 'true');
    expect(
      screen.getByRole('progressbar', { name: 'Refreshing the report' }),
    ).toBeInTheDocument();
  });
});
