import type { EntityMeshHistory } from '@meshlens/plugin-service-mesh-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeEntity } from '../../__testUtils__/makeEntity';
import { makeHistory, makeHistoryPoint } from '../../__testUtils__/makeHistory';
import { makeResponseError } from '../../__testUtils__/makeResponseError';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { HistoryTrend } from './HistoryTrend';

const entity = makeEntity({ 'backstage.io/kubernetes-id': 'checkout' });
const entityRef = 'component:default/checkout';
const buildsUp =
  'History builds up as the backend records a point every cycle (15 minutes by default).';

function render(history: () => Promise<EntityMeshHistory>) {
  const api = fakeServiceMeshApi({ getEntityHistory: history });
  return {
    api,
    rendered: renderWithEntity(<HistoryTrend entityRef={entityRef} />, {
      api,
      entity,
    }),
  };
}

describe('HistoryTrend', () => {
  it('shows progress while the history loads', async () => {
    const { rendered } = render(() => new Promise(() => {}));
    await rendered;

    expect(
      screen.getByRole('heading', { name: 'History' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('loads a week of points and shows score and mTLS sparklines with first and last values', async () => {
    const { api, rendered } = render(async () => makeHistory());
    await rendered;

    expect(
      await screen.findByText('Score 41 → 58 since 2026-11-20'),
    ).toBeInTheDocument();
    expect(api.getEntityHistory).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'checkout' },
      672,
    );
    expect(
      screen.getByRole('img', {
        name: 'Score: 41 on 2026-11-20, 58 on 2026-11-22; lowest 41, highest 58 over 3 points',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Inbound mTLS coverage 80.00% → 100% since 2026-11-20'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Inbound mTLS coverage: 80.00% on 2026-11-20, 100% on 2026-11-22; lowest 80.00%, highest 100% over 3 points',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Fired since 2026-11-20: Compliance. No longer firing since 2026-11-20: Scale.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(buildsUp)).not.toBeInTheDocument();
  });

  it('leaves out the mTLS sparkline when no point has metrics', async () => {
    const points = makeHistory().points.map(point => ({
      ...point,
      mtlsInboundRatio: undefined,
      triggersFired: ['multi-team' as const],
    }));
    const { rendered } = render(async () => makeHistory(points));
    await rendered;

    expect(
      await screen.findByText('Score 41 → 58 since 2026-11-20'),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('img')).toHaveLength(1);
    expect(screen.queryByText(/Inbound mTLS/)).not.toBeInTheDocument();
    expect(
      screen.getByText(
        'No trigger started or stopped firing since 2026-11-20.',
      ),
    ).toBeInTheDocument();
  });

  it('explains how history builds up when there is no point yet', async () => {
    const { rendered } = render(async () => makeHistory([]));
    await rendered;

    expect(await screen.findByText(buildsUp)).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('shows the single point so far without a sparkline', async () => {
    const { rendered } = render(async () => makeHistory([makeHistoryPoint()]));
    await rendered;

    expect(
      await screen.findByText(
        `${buildsUp} First point: 2026-11-20 (score 41).`,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('says so when history is disabled in the backend (503)', async () => {
    const error = await makeResponseError(
      503,
      'Mesh history is disabled (serviceMesh.history.enabled: false)',
    );
    const { rendered } = render(() => Promise.reject(error));
    await rendered;

    expect(
      await screen.findByText(
        "History is disabled in this portal's configuration.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
  });

  it('shows a failure in a warning panel and loads again on retry', async () => {
    const error = await makeResponseError(404, 'No such entity');
    const { api, rendered } = render(() => Promise.reject(error));
    await rendered;

    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText(/Could not load the history/),
    ).toBeInTheDocument();
    expect(
      within(alert).getByText(/Request failed with 404 Not Found/),
    ).toBeVisible();

    api.getEntityHistory.mockImplementation(async () => makeHistory());
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(
      await screen.findByText('Score 41 → 58 since 2026-11-20'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(api.getEntityHistory).toHaveBeenCalledTimes(2);
  });

  it('shows the sources the backend could not read above the trend', async () => {
    const history = {
      ...makeHistory(),
      errors: [{ source: 'database', message: 'connection refused' }],
    };
    const { rendered } = render(async () => history);
    await rendered;

    const warning = await screen.findByRole('alert');
    expect(
      within(warning).getByText(/Could not read database/),
    ).toBeInTheDocument();
    const score = screen.getByText('Score 41 → 58 since 2026-11-20');
    expect(
      warning.compareDocumentPosition(score) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });
});
