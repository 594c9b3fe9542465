import { screen } from '@testing-library/react';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeEntity } from '../../__testUtils__/makeEntity';
import { makeMtls } from '../../__testUtils__/makeMtls';
import { makePolicy } from '../../__testUtils__/makePolicy';
import { makeReport } from '../../__testUtils__/makeReport';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityServiceMeshContent } from './EntityServiceMeshContent';

const entity = makeEntity({ 'backstage.io/kubernetes-id': 'checkout' });

function follows(later: HTMLElement, earlier: HTMLElement): boolean {
  return Boolean(
    earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
}

function render(report: ReturnType<typeof makeReport>) {
  const api = fakeServiceMeshApi({
    getEntityReport: () => Promise.resolve(report),
  });
  return renderWithEntity(<EntityServiceMeshContent />, { api, entity });
}

describe('EntityServiceMeshContent policy and proxies', () => {
  it('shows policy after mTLS, then proxies, then workloads', async () => {
    const base = makeReport();
    const report = makeReport({
      mtls: makeMtls(),
      workloads: [
        { ...base.workloads[0], policy: makePolicy() },
        base.workloads[1],
      ],
    });
    await render(report);

    const policy = await screen.findByText('Policy & routes');
    const mtls = screen.getByRole('table', { name: 'Client identities' });
    const proxies = screen.getByText('Proxies');
    expect(follows(policy, mtls)).toBe(true);
    expect(follows(proxies, policy)).toBe(true);
    expect(follows(screen.getByText('Workloads'), proxies)).toBe(true);
    expect(screen.getByText('cart 90 % · cart-v2 10 %')).toBeInTheDocument();
    expect(screen.getByText('no proxy')).toBeInTheDocument();
  });

  it('shows policy after golden metrics without an mTLS card', async () => {
    await render(makeReport());

    const policy = await screen.findByText('Policy & routes');
    expect(follows(policy, await screen.findByText('Golden metrics'))).toBe(
      true,
    );
    expect(
      screen.getByText("Linkerd's policy CRDs are not served in this cluster"),
    ).toBeInTheDocument();
  });

  it('leaves both cards out without workloads', async () => {
    await render(makeReport({ state: 'no-workloads', workloads: [] }));

    expect(await screen.findByText('No workloads found')).toBeInTheDocument();
    expect(screen.queryByText('Policy & routes')).not.toBeInTheDocument();
    expect(screen.queryByText('Proxies')).not.toBeInTheDocument();
  });
});
