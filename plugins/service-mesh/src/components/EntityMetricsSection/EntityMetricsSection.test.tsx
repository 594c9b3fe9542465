import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EntityMetricsResponse } from '@meshlens/plugin-service-mesh-common';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeEntity } from '../../__testUtils__/makeEntity';
import { makeMetrics } from '../../__testUtils__/makeMetrics';
import { makeResponseError } from '../../__testUtils__/makeResponseError';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityMetricsSection } from './EntityMetricsSection';

const entity = makeEntity({ 'backstage.io/kubernetes-id': 'checkout' });
const entityRef = 'component:default/checkout';

describe('EntityMetricsSection', () => {
  it('loads the last hour and shows the golden metrics with three charts', async () => {
    const api = fakeServiceMeshApi();
    await renderWithEntity(<EntityMetricsSection entityRef={entityRef} />, {
      api,
      entity,
    });

    expect(await screen.findByText('98.75%')).toBeInTheDocument();
    expect(api.getEntityMetrics).toHaveBeenCalledTimes(1);
    expect(api.getEntityMetrics).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'checkout' },
      '1h',
    );
    expect(await screen.findAllByRole('img', { name: / from / })).toHaveLength(
      3,
    );
    expect(screen.queryByText('Callers (1h)')).not.toBeInTheDocument();
  });

  it('shows the graph, callers and callees in the traffic view', async () => {
    const api = fakeServiceMeshApi();
    const { container } = await renderWithEntity(
      <EntityMetricsSection entityRef={entityRef} view="traffic" />,
      { api, entity },
    );

    expect(await screen.findByText('Callers (1h)')).toBeInTheDocument();
    expect(screen.getByText('Callees (1h)')).toBeInTheDocument();
    expect(
      screen.getByRole('figure', {
        name: /^Traffic of component:default\/checkout/,
      }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(container.querySelectorAll('path[data-edge]')).toHaveLength(2),
    );
    expect(
      screen.getAllByText('web-ui', { selector: '[data-full] a' }).length,
    ).toBeGreaterThan(0);
  });

  it('keeps the window in the URL and loads it, showing progress meanwhile', async () => {
    let resolve: (metrics: EntityMetricsResponse) => void = () => {};
    const api = fakeServiceMeshApi();
    await renderWithEntity(
      <EntityMetricsSection entityRef={entityRef} view="traffic" />,
      {
        api,
        entity,
        path: '/?window=6h',
      },
    );
    expect(api.getEntityMetrics).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: 'checkout' }),
      '6h',
    );
    expect(await screen.findByText('Callers (1h)')).toBeInTheDocument();

    api.getEntityMetrics.mockImplementationOnce(
      () => new Promise(r => (resolve = r)),
    );
    await userEvent.click(screen.getByRole('button', { name: '24h' }));

    expect(api.getEntityMetrics).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: 'checkout' }),
      '24h',
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    resolve(makeMetrics({ window: '24h', windowSeconds: 86400 }));
    expect(await screen.findByText('Callers (24h)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '24h' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('shows the error and loads again on retry', async () => {
    const error = await makeResponseError(400, 'Invalid window');
    const api = fakeServiceMeshApi({
      getEntityMetrics: () => Promise.reject(error),
    });
    await renderWithEntity(
      <EntityMetricsSection entityRef={entityRef} view="traffic" />,
      { api, entity },
    );

    expect(
      await screen.findByText(/Request failed with 400/),
    ).toBeInTheDocument();
    expect(screen.queryByText('Callers (1h)')).not.toBeInTheDocument();

    api.getEntityMetrics.mockImplementation(async () => makeMetrics());
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Callers (1h)')).toBeInTheDocument();
    await waitFor(() => expect(api.getEntityMetrics).toHaveBeenCalledTimes(2));
  });

  it('shows the empty state when there are no proxy metrics', async () => {
    const api = fakeServiceMeshApi({
      getEntityMetrics: async () =>
        makeMetrics({
          goldenMetrics: undefined,
          series: [],
          callers: [],
          callees: [],
        }),
    });
    await renderWithEntity(<EntityMetricsSection entityRef={entityRef} />, {
      api,
      entity,
    });
    expect(await screen.findByText('No proxy metrics')).toBeInTheDocument();
  });

  it('tells when there are no callers', async () => {
    const api = fakeServiceMeshApi({
      getEntityMetrics: async () => makeMetrics({ callers: [] }),
    });
    await renderWithEntity(
      <EntityMetricsSection entityRef={entityRef} view="traffic" />,
      { api, entity },
    );
    expect(
      await screen.findByText(/No callers in the last 1h/),
    ).toBeInTheDocument();
  });
});
