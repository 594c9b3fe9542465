import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeGroupRollup } from '../../__testUtils__/makeGroupRollup';
import { makeResponseError } from '../../__testUtils__/makeResponseError';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityGroupServiceMeshCard } from './EntityGroupServiceMeshCard';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('EntityGroupServiceMeshCard', () => {
  it('shows the aggregates and the owned entities of the group', async () => {
    const api = fakeServiceMeshApi();
    await renderWithEntity(<EntityGroupServiceMeshCard />, {
      api,
      entity: group,
    });

    expect(await screen.findByText('Mesh coverage')).toBeInTheDocument();
    expect(api.getGroupRollup).toHaveBeenCalledWith({
      kind: 'group',
      namespace: 'default',
      name: 'team-a',
    });
    expect(screen.getByText('75.00%')).toBeInTheDocument();
    expect(screen.getByText('50.00%')).toBeInTheDocument();
    expect(
      screen.getByText('Warnings', { selector: 'p' }).nextSibling,
    ).toHaveTextContent('3');

    const worst = screen.getByText('Worst success rate')
      .nextSibling as HTMLElement;
    expect(worst).toHaveTextContent('90.00%');
    expect(
      within(worst).getByRole('link', { name: 'payments' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments');

    const rows = screen.getAllByRole('row');
    expect(rows[1]).toHaveTextContent('checkout');
    expect(rows[1]).toHaveTextContent('partial');
    // State and meshed pods share a column (the card is half the page wide).
    expect(within(rows[1]).getByText('2/3 pods meshed')).toBeInTheDocument();
    expect(
      within(rows[0])
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Entity', 'State', 'mTLS', 'Success', 'Recommendation']);
    expect(rows[1]).toHaveTextContent('Adopt now');
    expect(rows[2]).toHaveTextContent('payments');
    expect(rows[2]).toHaveTextContent('Already meshed');
    // Warnings under the recommendation (the card is half the page wide).
    expect(within(rows[2]).getByText('2 warnings')).toBeInTheDocument();
  });

  it('sorts the entities by a column', async () => {
    await renderWithEntity(<EntityGroupServiceMeshCard />, {
      api: fakeServiceMeshApi(),
      entity: group,
    });
    await screen.findByText('Mesh coverage');

    await userEvent.click(screen.getByText('mTLS'));
    let rows = screen.getAllByRole('row');
    expect(rows[1]).toHaveTextContent('payments');
    expect(rows[1]).toHaveTextContent('25.00%');

    await userEvent.click(screen.getByText('mTLS'));
    rows = screen.getAllByRole('row');
    expect(rows[1]).toHaveTextContent('checkout');
  });

  it('shows dashes without metrics and the source errors', async () => {
    const api = fakeServiceMeshApi({
      getGroupRollup: async () =>
        makeGroupRollup({
          meshedPodRatio: undefined,
          mtlsInboundRatio: undefined,
          worstSuccessRate: undefined,
          entities: [],
          errors: [{ source: 'cluster:homelab', message: 'timed out' }],
        }),
    });
    await renderWithEntity(<EntityGroupServiceMeshCard />, {
      api,
      entity: group,
    });

    expect(
      await screen.findByText(/Could not read cluster:homelab/),
    ).toBeInTheDocument();
    expect(screen.getAllByText('—')).toHaveLength(3);
    expect(
      screen.getByText('The group owns no entities tied to Kubernetes.'),
    ).toBeInTheDocument();
  });

  it('shows the error of a failed request', async () => {
    const error = await makeResponseError(404, 'No such group');
    await renderWithEntity(<EntityGroupServiceMeshCard />, {
      api: fakeServiceMeshApi({
        getGroupRollup: async () => {
          throw error;
        },
      }),
      entity: group,
    });

    expect(
      await screen.findByText(/Request failed with 404/),
    ).toBeInTheDocument();
  });
});
