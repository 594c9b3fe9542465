import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeEntity } from '../../__testUtils__/makeEntity';
import { makeMetrics } from '../../__testUtils__/makeMetrics';
import { makeMtls } from '../../__testUtils__/makeMtls';
import { makeReport } from '../../__testUtils__/makeReport';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityServiceMeshContent } from './EntityServiceMeshContent';

const entity = makeEntity({ 'backstage.io/kubernetes-id': 'checkout' });

describe('EntityServiceMeshContent sections', () => {
  it('opens the section named in the URL and loads only its data', async () => {
    const api = fakeServiceMeshApi({
      getEntityReport: async () => makeReport({ mtls: makeMtls() }),
    });
    await renderWithEntity(<EntityServiceMeshContent />, {
      api,
      entity,
      path: '/?tab=security',
    });

    expect(
      await screen.findByRole('tab', { name: 'Security', selected: true }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tabpanel')).toHaveAttribute(
      'id',
      'service-mesh-panel-security',
    );
    expect(
      await screen.findByRole('table', { name: 'Client identities' }),
    ).toBeInTheDocument();
    expect(api.getEntityMetrics).not.toHaveBeenCalled();
    expect(api.getEntityHistory).not.toHaveBeenCalled();
  });

  it('starts on the overview and switches section on a click', async () => {
    const api = fakeServiceMeshApi();
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });

    expect(
      await screen.findByRole('tab', { name: 'Overview', selected: true }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Overview',
      'Traffic',
      'Security',
      'Policy',
      'Proxies',
      'Adoption & runbook',
    ]);
    expect(await screen.findByText('Golden metrics')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Traffic' }));
    expect(await screen.findByText('Callers (1h)')).toBeInTheDocument();
    expect(screen.queryByText('Golden metrics')).not.toBeInTheDocument();
  });

  it('falls back to the overview for an unknown section', async () => {
    const api = fakeServiceMeshApi();
    await renderWithEntity(<EntityServiceMeshContent />, {
      api,
      entity,
      path: '/?tab=nope',
    });
    expect(
      await screen.findByRole('tab', { name: 'Overview', selected: true }),
    ).toBeInTheDocument();
  });

  it('loads the two-hour series for the header trend of an entity with golden metrics', async () => {
    const api = fakeServiceMeshApi({
      getEntityReport: async () =>
        makeReport({
          goldenMetrics: {
            successRate: 0.99,
            rps: 13,
            latencyMs: { p50: 1, p95: 25, p99: 30 },
          },
        }),
      getEntityMetrics: async (_ref, window) => makeMetrics({ window }),
    });
    // Proxies loads no metrics of its own (Policy now loads the window's, for policy in action).
    await renderWithEntity(<EntityServiceMeshContent />, {
      api,
      entity,
      path: '/?tab=proxies',
    });

    expect(
      (await screen.findAllByText(/vs previous hour/)).length,
    ).toBeGreaterThan(0);
    expect(api.getEntityMetrics).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'checkout' }),
      '2h',
    );
    expect(api.getEntityMetrics).not.toHaveBeenCalledWith(
      expect.anything(),
      '1h',
    );
  });
});
