import { screen } from '@testing-library/react';
import { ServiceMeshApi } from '../../api/ServiceMeshApi';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeAdoption } from '../../__testUtils__/makeAdoption';
import { makeEntity } from '../../__testUtils__/makeEntity';
import { makeReport } from '../../__testUtils__/makeReport';
import { makeResponseError } from '../../__testUtils__/makeResponseError';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityServiceMeshCard } from './EntityServiceMeshCard';

const entity = makeEntity({ 'backstage.io/kubernetes-id': 'checkout' });

function fakeApi(impl: ServiceMeshApi['getEntityReport']) {
  return fakeServiceMeshApi({ getEntityReport: impl });
}

describe('EntityServiceMeshCard', () => {
  it('shows progress while the report loads', async () => {
    const api = fakeApi(() => new Promise(() => {}));
    await renderWithEntity(<EntityServiceMeshCard />, { api, entity });

    expect(screen.getByText('Service mesh')).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the backend error when loading fails', async () => {
    const error = await makeResponseError(400, 'Invalid entity ref');
    const api = fakeApi(() => Promise.reject(error));
    await renderWithEntity(<EntityServiceMeshCard />, { api, entity });

    expect(
      await screen.findByText(/Request failed with 400/),
    ).toBeInTheDocument();
  });

  it('shows state, meshed pods and finding counts', async () => {
    const api = fakeApi(() => Promise.resolve(makeReport()));
    await renderWithEntity(<EntityServiceMeshCard />, { api, entity });

    expect(await screen.findByText('partial')).toBeInTheDocument();
    expect(screen.getByText('Meshed pods 2/3')).toBeInTheDocument();
    expect(
      screen.getByText('Findings: 1 error, 1 warning'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Mesh adoption/)).not.toBeInTheDocument();
  });

  it('shows the adoption recommendation and readiness score', async () => {
    const report = makeReport({
      adoption: makeAdoption({ recommendation: 'not-yet', score: 17.4 }),
    });
    const api = fakeApi(() => Promise.resolve(report));
    await renderWithEntity(<EntityServiceMeshCard />, { api, entity });

    expect(
      await screen.findByText(
        'Mesh adoption: Not yet (readiness score 17/100)',
      ),
    ).toBeInTheDocument();
  });

  it('mentions sources that could not be read', async () => {
    const report = makeReport({
      state: 'meshed',
      findings: [],
      errors: [
        { source: 'cluster:a', message: 'timeout' },
        { source: 'cluster:b', message: 'forbidden' },
      ],
    });
    const api = fakeApi(() => Promise.resolve(report));
    await renderWithEntity(<EntityServiceMeshCard />, { api, entity });

    expect(await screen.findByText('meshed')).toBeInTheDocument();
    expect(
      screen.getByText('Findings: 0 errors, 0 warnings'),
    ).toBeInTheDocument();
    expect(screen.getByText('2 sources could not be read')).toBeInTheDocument();
  });

  it('shows the missing annotation state without calling the backend', async () => {
    const api = fakeApi(() => Promise.resolve(makeReport()));
    await renderWithEntity(<EntityServiceMeshCard />, {
      api,
      entity: makeEntity(),
    });

    expect(
      screen.getAllByText(/backstage\.io\/kubernetes-id/).length,
    ).toBeGreaterThan(0);
    expect(api.getEntityReport).not.toHaveBeenCalled();
  });
});
