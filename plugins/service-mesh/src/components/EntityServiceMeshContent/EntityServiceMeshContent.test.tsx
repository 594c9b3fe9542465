import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ServiceMeshApi } from '../../api/ServiceMeshApi';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeEntity } from '../../__testUtils__/makeEntity';
import { makeReport } from '../../__testUtils__/makeReport';
import { makeResponseError } from '../../__testUtils__/makeResponseError';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityServiceMeshContent } from './EntityServiceMeshContent';

const entity = makeEntity({ 'backstage.io/kubernetes-id': 'checkout' });

function fakeApi(impl: ServiceMeshApi['getEntityReport']) {
  return fakeServiceMeshApi({ getEntityReport: impl });
}

describe('EntityServiceMeshContent', () => {
  it('shows progress while the report loads', async () => {
    const api = fakeApi(() => new Promise(() => {}));
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });

    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.getEntityReport).toHaveBeenCalledWith({
      kind: expect.stringMatching(/^component$/i),
      namespace: 'default',
      name: 'checkout',
    });
  });

  it('shows the backend error when loading fails', async () => {
    const error = await makeResponseError(404, 'Entity not found');
    const api = fakeApi(() => Promise.reject(error));
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });

    expect(
      await screen.findByText(/Request failed with 404/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/Entity not found/).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('shows the missing annotation state without calling the backend', async () => {
    const api = fakeApi(() => Promise.resolve(makeReport()));
    await renderWithEntity(<EntityServiceMeshContent />, {
      api,
      entity: makeEntity(),
    });

    expect(
      screen.getAllByText(/backstage\.io\/kubernetes-id/).length,
    ).toBeGreaterThan(0);
    expect(api.getEntityReport).not.toHaveBeenCalled();
  });

  it('shows state, meshed pods, workloads and findings', async () => {
    const api = fakeApi(() => Promise.resolve(makeReport()));
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });

    expect(await screen.findByText('Meshed pods 2/3')).toBeInTheDocument();
    expect(screen.getAllByTestId('mesh-state')[0]).toHaveTextContent('partial');
    expect(screen.getByText(/Linkerd edge-25\.1\.1/)).toBeInTheDocument();
    expect(screen.getByText(/· updated /)).toBeInTheDocument();

    expect(screen.getByText('Workloads')).toBeInTheDocument();
    expect(screen.getByText('checkout-db')).toBeInTheDocument();
    expect(screen.getByText('0/1')).toBeInTheDocument();
    expect(screen.getByText('unmeshed')).toBeInTheDocument();

    expect(screen.getByText('Findings')).toBeInTheDocument();
    expect(screen.getByText('opaque-ports-required')).toBeInTheDocument();
    expect(screen.getByText('injection-pending-restart')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a warning per failed source above the data', async () => {
    const report = makeReport({
      errors: [{ source: 'cluster:staging', message: 'connection refused' }],
    });
    const api = fakeApi(() => Promise.resolve(report));
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });

    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText(/Could not read cluster:staging/),
    ).toBeInTheDocument();
    expect(within(alert).getByText('connection refused')).toBeInTheDocument();
    expect(screen.getByText('Meshed pods 2/3')).toBeInTheDocument();
    expect(screen.getByText('opaque-ports-required')).toBeInTheDocument();
  });

  it('tells the user how to label workloads when there are none', async () => {
    const report = makeReport({
      state: 'no-workloads',
      workloads: [],
      findings: [],
    });
    const api = fakeApi(() => Promise.resolve(report));
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });

    expect(await screen.findByText('no workloads')).toBeInTheDocument();
    expect(screen.getByText('Meshed pods 0/0')).toBeInTheDocument();
    expect(screen.getByText('No workloads found')).toBeInTheDocument();
    expect(
      screen.getAllByText(/backstage\.io\/kubernetes-id=checkout/).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText('Workloads')).not.toBeInTheDocument();
    expect(screen.getByText('No findings.')).toBeInTheDocument();
  });

  it('shows when Linkerd is not installed in a cluster', async () => {
    const report = makeReport({
      state: 'unmeshed',
      clusters: [
        {
          name: 'homelab',
          linkerdInstalled: false,
          controlPlaneNamespace: 'linkerd',
        },
      ],
    });
    const api = fakeApi(() => Promise.resolve(report));
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });

    expect(
      await screen.findByText(/Linkerd not installed/),
    ).toBeInTheDocument();
  });

  it('refreshes the report without unmounting the data', async () => {
    let resolveSecond: (
      report: ReturnType<typeof makeReport>,
    ) => void = () => {};
    const api = fakeApi(() => Promise.resolve(makeReport()));
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });
    expect(await screen.findByText('Meshed pods 2/3')).toBeInTheDocument();

    api.getEntityReport.mockImplementationOnce(
      () => new Promise(resolve => (resolveSecond = resolve)),
    );
    await userEvent.click(screen.getByRole('button', { name: /Refresh/ }));

    expect(api.getEntityReport).toHaveBeenCalledTimes(2);
    expect(screen.getByText('Meshed pods 2/3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Refresh/ })).toBeDisabled();

    resolveSecond(makeReport({ state: 'meshed', workloads: [] }));
    expect(await screen.findByText('Meshed pods 0/0')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Refresh/ })).toBeEnabled(),
    );
  });
});
