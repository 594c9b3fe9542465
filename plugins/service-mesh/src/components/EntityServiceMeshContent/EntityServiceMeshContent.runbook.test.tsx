import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeEntity } from '../../__testUtils__/makeEntity';
import { makeReport } from '../../__testUtils__/makeReport';
import { makeRunbookStep } from '../../__testUtils__/makeRunbookStep';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityServiceMeshContent } from './EntityServiceMeshContent';

const entity = makeEntity({ 'backstage.io/kubernetes-id': 'checkout' });

const report = makeReport({
  runbook: {
    steps: [
      makeRunbookStep({ done: true }),
      makeRunbookStep({
        id: 'inject',
        phase: 'mesh-workloads',
        title: 'Restart checkout-db with injection enabled',
        commands: ['kubectl -n shop rollout restart statefulset/checkout-db'],
      }),
    ],
  },
});

describe('EntityServiceMeshContent runbook', () => {
  it('shows the runbook on the adoption tab', async () => {
    const api = fakeServiceMeshApi({
      getEntityReport: () => Promise.resolve(report),
    });
    await renderWithEntity(<EntityServiceMeshContent />, {
      api,
      entity,
      path: '/?tab=adoption',
    });

    expect(await screen.findByText('Adoption runbook')).toBeInTheDocument();
    expect(screen.getByText('1 of 2 steps done')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Prerequisites', level: 3 }),
    ).toBeInTheDocument();
    const meshing = screen.getByRole('region', { name: 'Mesh the workloads' });
    expect(
      within(meshing).getByRole('button', { name: /Restart checkout-db/ }),
    ).toHaveTextContent('to do');
  });

  it('shows no runbook when the report has no steps', async () => {
    const api = fakeServiceMeshApi({
      getEntityReport: () => Promise.resolve(makeReport()),
    });
    await renderWithEntity(<EntityServiceMeshContent />, {
      api,
      entity,
      path: '/?tab=adoption',
    });

    expect(await screen.findByText('Meshed pods 2/3')).toBeInTheDocument();
    expect(screen.queryByText('Adoption runbook')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Download Markdown' }),
    ).not.toBeInTheDocument();
  });

  it('downloads the Markdown runbook of the entity', async () => {
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:runbook');
    Object.assign(window.URL, { createObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    try {
      const api = fakeServiceMeshApi({
        getEntityReport: () => Promise.resolve(report),
      });
      await renderWithEntity(<EntityServiceMeshContent />, {
        api,
        entity,
        path: '/?tab=adoption',
      });

      await userEvent.click(
        await screen.findByRole('button', { name: 'Download Markdown' }),
      );

      await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
      expect(api.getRunbookMarkdown).toHaveBeenCalledWith({
        kind: 'Component',
        namespace: 'default',
        name: 'checkout',
      });
      expect(createObjectURL).toHaveBeenCalledTimes(1);
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    } finally {
      click.mockRestore();
      delete (window.URL as Partial<typeof URL>).createObjectURL;
    }
  });
});
