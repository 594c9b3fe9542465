import { screen, within } from '@testing-library/react';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeAdoption } from '../../__testUtils__/makeAdoption';
import { makeEntity } from '../../__testUtils__/makeEntity';
import { makeResponseError } from '../../__testUtils__/makeResponseError';
import { makeReport } from '../../__testUtils__/makeReport';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityServiceMeshContent } from './EntityServiceMeshContent';

const entity = makeEntity({ 'backstage.io/kubernetes-id': 'checkout' });

function follows(later: HTMLElement, earlier: HTMLElement): boolean {
  return Boolean(
    earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
}

describe('EntityServiceMeshContent adoption', () => {
  it('shows the adoption card on its tab, the recommendation in the header', async () => {
    const report = makeReport({
      adoption: makeAdoption({ recommendation: 'prepare', score: 55 }),
    });
    const api = fakeServiceMeshApi({
      getEntityReport: () => Promise.resolve(report),
    });
    await renderWithEntity(<EntityServiceMeshContent />, {
      api,
      entity,
      path: '/?tab=adoption',
    });

    const adoption = await screen.findByText('Mesh adoption');
    expect(screen.getAllByTestId('recommendation')[0]).toHaveTextContent(
      'Prepare',
    );
    expect(screen.getAllByText('Readiness score 55/100')).toHaveLength(2);
    expect(follows(adoption, screen.getByText('Meshed pods 2/3'))).toBe(true);
    expect(screen.queryByText('Workloads')).not.toBeInTheDocument();
  });

  it('shows the history trend inside the adoption card', async () => {
    const api = fakeServiceMeshApi({
      getEntityReport: () =>
        Promise.resolve(makeReport({ adoption: makeAdoption() })),
    });
    await renderWithEntity(<EntityServiceMeshContent />, {
      api,
      entity,
      path: '/?tab=adoption',
    });

    const history = await screen.findByRole('heading', { name: 'History' });
    const card = screen.getByText('Mesh adoption').closest('.MuiCard-root')!;
    expect(card).toContainElement(history);
    expect(
      await within(card as HTMLElement).findByText(
        'Score 41 → 58 since 2026-11-20',
      ),
    ).toBeInTheDocument();
    expect(api.getEntityHistory).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'checkout' },
      672,
    );
  });

  it('keeps the rest of the tab when the history fails to load', async () => {
    const error = await makeResponseError(400, 'Invalid limit');
    const api = fakeServiceMeshApi({
      getEntityReport: () =>
        Promise.resolve(makeReport({ adoption: makeAdoption() })),
      getEntityHistory: () => Promise.reject(error),
    });
    await renderWithEntity(<EntityServiceMeshContent />, {
      api,
      entity,
      path: '/?tab=adoption',
    });

    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText(/Could not load the history/),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Readiness score 42/100')).toHaveLength(2);
    expect(screen.getByText('Meshed pods 2/3')).toBeInTheDocument();
  });

  it('shows no adoption card when the report has no adoption', async () => {
    const api = fakeServiceMeshApi({
      getEntityReport: () => Promise.resolve(makeReport()),
    });
    await renderWithEntity(<EntityServiceMeshContent />, {
      api,
      entity,
      path: '/?tab=adoption',
    });

    expect(await screen.findByText('Meshed pods 2/3')).toBeInTheDocument();
    expect(screen.getByText('No adoption advice')).toBeInTheDocument();
    expect(screen.queryByText('Mesh adoption')).not.toBeInTheDocument();
    expect(screen.queryByTestId('recommendation')).not.toBeInTheDocument();
    expect(api.getEntityHistory).not.toHaveBeenCalled();
  });
});
