import { screen } from '@testing-library/react';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeAdoption } from '../../__testUtils__/makeAdoption';
import { makeEntity } from '../../__testUtils__/makeEntity';
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
  it('shows the adoption card right after the status card', async () => {
    const report = makeReport({
      adoption: makeAdoption({ recommendation: 'prepare', score: 55 }),
    });
    const api = fakeServiceMeshApi({
      getEntityReport: () => Promise.resolve(report),
    });
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });

    const adoption = await screen.findByText('Mesh adoption');
    expect(screen.getByTestId('recommendation')).toHaveTextContent('Prepare');
    expect(screen.getByText('Readiness score 55/100')).toBeInTheDocument();
    expect(follows(adoption, screen.getByText('Meshed pods 2/3'))).toBe(true);
    expect(follows(screen.getByText('Workloads'), adoption)).toBe(true);
  });

  it('shows no adoption card when the report has no adoption', async () => {
    const api = fakeServiceMeshApi({
      getEntityReport: () => Promise.resolve(makeReport()),
    });
    await renderWithEntity(<EntityServiceMeshContent />, { api, entity });

    expect(await screen.findByText('Meshed pods 2/3')).toBeInTheDocument();
    expect(screen.queryByText('Mesh adoption')).not.toBeInTheDocument();
    expect(screen.queryByTestId('recommendation')).not.toBeInTheDocument();
  });
});
