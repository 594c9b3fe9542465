import { screen } from '@testing-library/react';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeEntity } from '../../__testUtils__/makeEntity';
import { makePolicy } from '../../__testUtils__/makePolicy';
import { makeReport } from '../../__testUtils__/makeReport';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityServiceMeshContent } from './EntityServiceMeshContent';

const entity = makeEntity({ 'backstage.io/kubernetes-id': 'checkout' });

function render(report: ReturnType<typeof makeReport>, tab: string) {
  const api = fakeServiceMeshApi({
    getEntityReport: () => Promise.resolve(report),
  });
  return {
    api,
    rendered: renderWithEntity(<EntityServiceMeshContent />, {
      api,
      entity,
      path: `/?tab=${tab}`,
    }),
  };
}

describe('EntityServiceMeshContent policy and proxies', () => {
  it('shows policy and routes on the policy tab, and what they did from the metrics', async () => {
    const base = makeReport();
    const { api, rendered } = render(
      makeReport({
        workloads: [
          { ...base.workloads[0], policy: makePolicy() },
          base.workloads[1],
        ],
      }),
      'policy',
    );
    await rendered;

    expect(await screen.findByText('Policy & routes')).toBeInTheDocument();
    expect(screen.getByText('cart 90 % · cart-v2 10 %')).toBeInTheDocument();
    expect(screen.queryByText('no proxy')).not.toBeInTheDocument();
    // Policy in action comes from the proxies: the metrics are loaded for the meshed workloads.
    expect(await screen.findByText('Policy in action')).toBeInTheDocument();
    expect(screen.getByText('Routes in action')).toBeInTheDocument();
    expect(api.getEntityMetrics).toHaveBeenCalledWith(expect.anything(), '1h');
  });

  it('says when the policy CRDs are not served', async () => {
    await render(makeReport(), 'policy').rendered;
    expect(
      await screen.findByText(
        "Linkerd's policy CRDs are not served in this cluster",
      ),
    ).toBeInTheDocument();
  });

  it('shows the proxies on the proxies tab', async () => {
    await render(makeReport(), 'proxies').rendered;
    expect(await screen.findByText('no proxy')).toBeInTheDocument();
    expect(screen.queryByText('Policy & routes')).not.toBeInTheDocument();
  });

  it('tells how to label workloads instead of both cards without workloads', async () => {
    await render(makeReport({ state: 'no-workloads', workloads: [] }), 'policy')
      .rendered;
    expect(await screen.findByText('No workloads found')).toBeInTheDocument();
    expect(screen.queryByText('Policy & routes')).not.toBeInTheDocument();
  });
});
