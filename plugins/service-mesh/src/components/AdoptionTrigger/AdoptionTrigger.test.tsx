import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { AdoptionTrigger } from './AdoptionTrigger';

describe('AdoptionTrigger', () => {
  it('shows the share of the bar when the trigger reports one (observability: 25 % uncovered, bar 30 %)', async () => {
    await renderInTestApp(
      <AdoptionTrigger
        trigger={{
          id: 'observability',
          fired: false,
          strength: 0.25,
          progress: 0.833,
          evidence: [
            '2 of 8 interacting workloads in system auto-brand have no request metrics from any source (bar: 30 %)',
          ],
        }}
      />,
    );
    expect(
      screen.getByRole('progressbar', {
        name: 'Observability trigger strength',
      }),
    ).toHaveAttribute('aria-valuenow', '83');
    expect(screen.getByText('83%')).toBeInTheDocument();
  });

  it('shows the strength when no share of the bar is reported', async () => {
    await renderInTestApp(
      <AdoptionTrigger
        trigger={{
          id: 'canary',
          fired: false,
          strength: 0.75,
          evidence: ['6 rollouts in 30 days'],
        }}
      />,
    );
    expect(screen.getByText('75%')).toBeInTheDocument();
  });
});
