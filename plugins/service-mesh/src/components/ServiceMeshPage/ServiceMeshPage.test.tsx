import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ServiceMeshApi, serviceMeshApiRef } from '../../api/ServiceMeshApi';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeCluster } from '../../__testUtils__/makeCluster';
import { makeResponseError } from '../../__testUtils__/makeResponseError';
import { makeSummary } from '../../__testUtils__/makeSummary';
import { ServiceMeshPage } from './ServiceMeshPage';

function render(api: ServiceMeshApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[serviceMeshApiRef, api]]}>
      <ServiceMeshPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const api = fakeServiceMeshApi({
  getClusters: async () => ({
    clusters: [
      makeCluster({
        issuerCertificate: {
          source: 'cert-manager',
          notAfter: '2026-11-22T00:00:00Z',
          ready: true,
        },
        findings: [
          {
            code: 'certificate-expiring',
            severity: 'warning',
            message: 'soon',
          },
        ],
      }),
      makeCluster({
        name: 'staging',
        source: 'kubernetes',
        synced: false,
        linkerdInstalled: false,
        linkerdVersion: undefined,
        controlPlaneHealthy: undefined,
        injectorWebhookPresent: undefined,
        highAvailability: undefined,
        trustAnchors: undefined,
        issuerCertificate: {
          source: 'unknown',
          reason: 'no cert-manager Certificate',
        },
        counts: {
          namespaces: 1,
          workloads: 2,
          meshedWorkloads: 0,
          pods: 5,
          meshedPods: 0,
        },
      }),
    ],
    errors: [],
  }),
  getEntities: async () => ({
    entities: [
      makeSummary(),
      makeSummary({
        entityRef: 'component:default/payments',
        state: 'meshed',
        recommendation: 'already-meshed',
        score: 80,
        clusters: ['staging'],
      }),
      makeSummary({
        entityRef: 'component:default/search',
        state: 'unmeshed',
        recommendation: 'not-yet',
        score: 10,
      }),
    ],
    errors: [],
  }),
});

describe('ServiceMeshPage', () => {
  it('shows a row per cluster with its Linkerd control plane', async () => {
    await render(api);

    await screen.findByText('not installed');
    const rowOf = (text: string) =>
      screen
        .getAllByRole('row')
        .find(row => row.textContent?.includes(text)) as HTMLElement;
    const homelab = rowOf('snapshot');
    expect(homelab).toHaveTextContent('homelab');
    expect(homelab).toHaveTextContent('snapshot');
    expect(homelab).toHaveTextContent('edge-25.1.1');
    expect(homelab).toHaveTextContent('2026-01-01');
    expect(homelab).toHaveTextContent('12/20');
    expect(homelab).toHaveTextContent('issuer 2026-11-22 (cert-manager)');
    // Six columns, two short lines each: the table fits 1280 px.
    const table = homelab.closest('table')!;
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual([
      'Cluster',
      'Linkerd',
      'Injector · HA',
      'Certificates expire',
      'Meshed pods',
      'Findings',
      'Destination hot spot',
    ]);
    expect(within(homelab).getByText('snapshot · synced')).toBeInTheDocument();
    expect(
      within(homelab).getByText('control plane healthy'),
    ).toBeInTheDocument();
    expect(within(homelab).getByText('injector yes')).toBeInTheDocument();
    expect(within(homelab).getByText('HA no')).toBeInTheDocument();
    expect(within(homelab).getByText('anchor 2026-01-01')).toBeInTheDocument();

    const staging = rowOf('kubernetes');
    expect(staging).toHaveTextContent('staging');
    expect(staging).toHaveTextContent('not installed');
    expect(staging).toHaveTextContent('0/5');
    expect(
      within(staging).getByText('kubernetes · syncing'),
    ).toBeInTheDocument();
    expect(within(staging).getByText('control plane —')).toBeInTheDocument();
    expect(
      within(staging).getByTitle('no cert-manager Certificate'),
    ).toHaveTextContent('unknown');
  });

  it('lists every entity and filters by text and state', async () => {
    await render(api);

    expect(await screen.findByText('Entities (3 of 3)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'checkout' })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout',
    );

    await userEvent.type(screen.getByLabelText('Filter entities'), 'pay');
    expect(screen.getByText('Entities (1 of 3)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'payments' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'checkout' })).toBeNull();

    await userEvent.clear(screen.getByLabelText('Filter entities'));
    await userEvent.click(screen.getByLabelText('State'));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('unmeshed'),
    );
    expect(screen.getByText('Entities (1 of 3)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'search' })).toBeInTheDocument();
    expect(screen.getByText('Not yet')).toBeInTheDocument();
  });

  it('names its filters and gives its tables column headers', async () => {
    await render(api);

    expect(await screen.findByText('Entities (3 of 3)')).toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: 'Filter entities' }),
    ).toHaveValue('');
    // MUI's select is a button named by its label and the chosen option.
    expect(
      screen.getByRole('button', { name: 'State All states' }),
    ).toHaveAttribute('aria-haspopup', 'listbox');

    const headers = screen
      .getAllByRole('columnheader')
      .map(header => header.textContent);
    expect(headers).toEqual(
      expect.arrayContaining(['Cluster', 'Linkerd', 'Entity', 'State']),
    );
  });

  it('shows the error of a failed request', async () => {
    const error = await makeResponseError(404, 'gone');
    await render(
      fakeServiceMeshApi({
        getClusters: async () => {
          throw error;
        },
      }),
    );

    expect(
      await screen.findByText(/Request failed with 404/),
    ).toBeInTheDocument();
    expect(await screen.findByText('Entities (1 of 1)')).toBeInTheDocument();
  });
});
