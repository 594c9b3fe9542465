import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunbookStep } from '@meshlens/plugin-service-mesh-common';
import { serviceMeshApiRef } from '../../api/ServiceMeshApi';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeRunbookStep } from '../../__testUtils__/makeRunbookStep';
import { RunbookCard } from './RunbookCard';

const entityRef = { kind: 'Component', namespace: 'default', name: 'checkout' };

const steps: RunbookStep[] = [
  makeRunbookStep({
    id: 'inject',
    phase: 'mesh-workloads',
    title: 'Annotate the namespace for injection',
  }),
  makeRunbookStep({ id: 'check-pre', phase: 'prerequisites', done: true }),
  makeRunbookStep({
    id: 'trust-anchor',
    phase: 'certificates',
    title: 'Create a trust anchor',
    done: true,
  }),
  makeRunbookStep({
    id: 'control-plane',
    phase: 'verify-control-plane',
    title: 'Check the control plane',
  }),
];

function render(api = fakeServiceMeshApi()) {
  return renderInTestApp(
    <TestApiProvider apis={[[serviceMeshApiRef, api]]}>
      <RunbookCard entityRef={entityRef} steps={steps} />
    </TestApiProvider>,
  );
}

describe('RunbookCard', () => {
  it('shows the title and how many steps are done', async () => {
    await render();

    expect(screen.getByText('Adoption runbook')).toBeInTheDocument();
    expect(screen.getByText('2 of 4 steps done')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Runbook progress' }),
    ).toHaveAttribute('aria-valuenow', '50');
  });

  it('groups the steps under readable phase headings in runbook order', async () => {
    await render();

    expect(
      screen.getAllByRole('heading', { level: 3 }).map(h => h.textContent),
    ).toEqual([
      'Prerequisites',
      'Certificates',
      'Verify the control plane',
      'Mesh the workloads',
    ]);
    const meshing = screen.getByRole('region', { name: 'Mesh the workloads' });
    expect(
      within(meshing)
        .getAllByRole('button')
        .map(row => row.textContent),
    ).toEqual(['to do4. Annotate the namespace for injection']);
  });

  it('marks each step done or to do', async () => {
    await render();

    const mark = (title: RegExp) =>
      within(screen.getByRole('button', { name: title })).getByTestId(
        'runbook-step-mark',
      );
    expect(mark(/Check the cluster can run Linkerd/)).toHaveTextContent('done');
    expect(mark(/Create a trust anchor/)).toHaveTextContent('done');
    expect(mark(/Check the control plane/)).toHaveTextContent('to do');
    expect(mark(/Annotate the namespace/)).toHaveTextContent('to do');
  });

  it('shows why and the commands of a step when it is expanded', async () => {
    await render();

    await userEvent.click(
      screen.getByRole('button', { name: /Create a trust anchor/ }),
    );

    expect(
      screen.getByText(/The pre-install checks catch missing permissions/),
    ).toBeInTheDocument();
    expect(await screen.findByText('linkerd check --pre')).toBeInTheDocument();
  });
});
