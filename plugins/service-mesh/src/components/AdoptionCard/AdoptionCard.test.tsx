import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { Recommendation } from '@meshlens/plugin-service-mesh-common';
import { makeAdoption } from '../../__testUtils__/makeAdoption';
import { AdoptionCard } from './AdoptionCard';

describe('AdoptionCard', () => {
  it('shows the recommendation, score and explanation', async () => {
    await renderInTestApp(<AdoptionCard adoption={makeAdoption()} />);

    expect(screen.getByText('Mesh adoption')).toBeInTheDocument();
    expect(screen.getByTestId('recommendation')).toHaveTextContent('Adopt now');
    expect(screen.getByText('Readiness score 42/100')).toBeInTheDocument();
    expect(
      screen.getByText(/fired: the mesh pays for its complexity here/),
    ).toBeInTheDocument();
  });

  it.each<[Recommendation, string]>([
    ['adopt-now', 'Adopt now'],
    ['prepare', 'Prepare'],
    ['not-yet', 'Not yet'],
    ['already-meshed', 'Already meshed'],
  ])('labels %s as "%s"', async (recommendation, label) => {
    await renderInTestApp(
      <AdoptionCard adoption={makeAdoption({ recommendation })} />,
    );

    expect(screen.getByTestId('recommendation')).toHaveTextContent(label);
  });

  it('shows each trigger with its strength, whether it fired and its evidence', async () => {
    await renderInTestApp(<AdoptionCard adoption={makeAdoption()} />);

    for (const name of [
      'Scale',
      'Multi-team',
      'Compliance',
      'Canary releases',
      'Observability',
    ]) {
      expect(
        screen.getByRole('heading', { name, level: 4 }),
      ).toBeInTheDocument();
    }

    const canary = screen.getByRole('progressbar', {
      name: 'Canary releases trigger strength',
    });
    expect(canary).toHaveAttribute('aria-valuenow', '38');
    expect(canary).toHaveAttribute('aria-valuetext', '38%');
    expect(screen.getByText('38%')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Compliance trigger strength' }),
    ).toHaveAttribute('aria-valuetext', '100%');

    expect(screen.getAllByText('fired')).toHaveLength(2);
    const compliance = screen.getByRole('heading', { name: 'Compliance' })
      .parentElement!;
    expect(within(compliance).getByText('fired')).toBeInTheDocument();
    const scale = screen.getByRole('heading', { name: 'Scale' }).parentElement!;
    expect(within(scale).queryByText('fired')).not.toBeInTheDocument();

    const evidence = screen.getByRole('list', { name: 'Scale evidence' });
    expect(within(evidence).getAllByRole('listitem')).toHaveLength(3);
    expect(
      within(evidence).getByText(
        '12 application Services in homelab (bar: 50)',
      ),
    ).toBeInTheDocument();
  });

  it('shows the cost against allocatable memory and the statements', async () => {
    const adoption = makeAdoption({
      cost: {
        sidecarMemoryMiB: 60,
        controlPlaneMemoryMiB: 900,
        totalMemoryMiB: 975,
        allocatableMemoryMiB: 15872,
        statements: ['Control plane ≈ 900 MiB (destination, identity, …).'],
      },
    });
    await renderInTestApp(<AdoptionCard adoption={adoption} />);

    expect(
      screen.getByText(
        '≈ 975 MiB more memory (sidecars 60, control plane 900) against 15,872 MiB allocatable (6.14%)',
      ),
    ).toBeInTheDocument();
    const statements = screen.getByRole('list', { name: 'Cost statements' });
    expect(
      within(statements).getByText(
        'Control plane ≈ 900 MiB (destination, identity, …).',
      ),
    ).toBeInTheDocument();
  });

  it('leaves out the share when allocatable memory is unknown', async () => {
    const adoption = makeAdoption({
      cost: {
        sidecarMemoryMiB: 60,
        controlPlaneMemoryMiB: 0,
        totalMemoryMiB: 75,
        allocatableMemoryMiB: 0,
        statements: [],
      },
    });
    await renderInTestApp(<AdoptionCard adoption={adoption} />);

    expect(
      screen.getByText(
        '≈ 75 MiB more memory (sidecars 60, control plane 0); allocatable memory unknown',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/%\)$/)).not.toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Cost statements' }),
    ).not.toBeInTheDocument();
  });
});
