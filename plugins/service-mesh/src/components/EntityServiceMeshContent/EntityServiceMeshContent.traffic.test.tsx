import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ServiceMeshApi } from '../../api/ServiceMeshApi';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeEntity } from '../../__testUtils__/makeEntity';
import { makeMetrics } from '../../__testUtils__/makeMetrics';
import { makeMtls } from '../../__testUtils__/makeMtls';
import { makeReport } from '../../__testUtils__/makeReport';
import { makeResponseError } from '../../__testUtils__/makeResponseError';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityServiceMeshContent } from './EntityServiceMeshContent';

const entity = makeEntity({ 'backstage.io/kubernetes-id': 'checkout' });

function fakeApi(impl: ServiceMeshApi['getEntityReport']) {
  return fakeServiceMeshApi({ getEntityReport: impl });
}

describe('EntityServiceMeshContent traffic and mTLS', () => {
  it('shows golden metrics of the last hour on the overview', async () => {
    const api = fakeApi(() => Promise.resolve(makeReport()));
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });

    expect(await screen.findByText('98.75%')).toBeInTheDocument();
    expect(api.getEntityMetrics).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'checkout' },
      '1h',
    );
    expect(
      await screen.findByRole('img', { name: /^p95 latency/ }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Callers/)).not.toBeInTheDocument();
  });

  it('shows callers and callees of the last hour on the traffic tab', async () => {
    const api = fakeApi(() => Promise.resolve(makeReport()));
    await renderWithEntity(<EntityServiceMeshContent />, {
      api,
      entity,
      path: '/?tab=traffic',
    });

    expect(await screen.findByText('Callers (1h)')).toBeInTheDocument();
    const caller = screen
      .getByText('web-ui', { selector: '[data-full] a' })
      .closest('tr')!;
    expect(within(caller).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/shop/component/web-ui',
    );
    expect(
      screen.getByText('nats', { selector: '[data-full]' }),
    ).toBeInTheDocument();
  });

  it('reloads only the metrics when another window is chosen', async () => {
    let resolveMetrics: (
      metrics: ReturnType<typeof makeMetrics>,
    ) => void = () => {};
    const api = fakeApi(() =>
      Promise.resolve(makeReport({ mtls: makeMtls() })),
    );
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });
    expect(await screen.findByText('98.75%')).toBeInTheDocument();
    const status = screen.getByText('Meshed pods 2/3');
    const workloads = screen.getByText('checkout-db');

    api.getEntityMetrics.mockImplementationOnce(
      () => new Promise(resolve => (resolveMetrics = resolve)),
    );
    await userEvent.click(screen.getByRole('button', { name: '24h' }));

    expect(api.getEntityMetrics).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: 'checkout' }),
      '24h',
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.getByText('Meshed pods 2/3')).toBe(status);
    expect(screen.getByText('checkout-db')).toBe(workloads);

    resolveMetrics(makeMetrics({ window: '24h', windowSeconds: 86400 }));
    expect(await screen.findByText(/over the last 24h/)).toBeInTheDocument();
    expect(screen.getByText('Meshed pods 2/3')).toBe(status);
    expect(api.getEntityReport).toHaveBeenCalledTimes(1);
  });

  it('shows the mTLS card on the security tab when the report carries mTLS', async () => {
    const api = fakeApi(() =>
      Promise.resolve(makeReport({ mtls: makeMtls() })),
    );
    await renderWithEntity(<EntityServiceMeshContent />, {
      api,
      entity,
      path: '/?tab=security',
    });

    expect(
      await screen.findByRole('table', { name: 'Client identities' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('87.50%').length).toBeGreaterThan(0);
    expect(screen.getByText('expected (ingress)')).toBeInTheDocument();
    expect(
      screen.getByText('Post-quantum key exchange preferred: X25519MLKEM768'),
    ).toBeInTheDocument();
  });

  it('shows no mTLS card and tells what to add without proxy metrics', async () => {
    const api = fakeApi(() => Promise.resolve(makeReport()));
    api.getEntityMetrics.mockImplementation(async () =>
      makeMetrics({
        goldenMetrics: undefined,
        series: [],
        callers: [],
        callees: [],
      }),
    );
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });

    expect(await screen.findByText('No proxy metrics')).toBeInTheDocument();
    expect(screen.queryByText('Client identities')).not.toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText('opaque-ports-required')).toBeInTheDocument();
  });

  it('keeps the report when the metrics fail to load', async () => {
    const error = await makeResponseError(400, 'Invalid window');
    const api = fakeApi(() => Promise.resolve(makeReport()));
    api.getEntityMetrics.mockImplementation(() => Promise.reject(error));
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });

    expect(
      await screen.findByText(/Request failed with 400/),
    ).toBeInTheDocument();
    expect(screen.getByText('Meshed pods 2/3')).toBeInTheDocument();
    expect(screen.getByText('checkout-db')).toBeInTheDocument();
  });

  it('does not load metrics for an entity without workloads', async () => {
    const report = makeReport({
      state: 'no-workloads',
      workloads: [],
      findings: [],
    });
    const api = fakeApi(() => Promise.resolve(report));
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });

    expect(await screen.findByText('No workloads found')).toBeInTheDocument();
    expect(api.getEntityMetrics).not.toHaveBeenCalled();
    expect(screen.queryByText('Golden metrics')).not.toBeInTheDocument();
  });
});
