import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { serviceMeshApiRef } from '../../api/ServiceMeshApi';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeCluster } from '../../__testUtils__/makeCluster';
import { makeClusterAdoption } from '../../__testUtils__/makeClusterAdoption';
import { makeResponseError } from '../../__testUtils__/makeResponseError';
import { ClusterVerdictCard } from './ClusterVerdictCard';
import { ClusterVerdicts } from './ClusterVerdicts';

describe('ClusterVerdictCard', () => {
  it('answers the question for the cluster: recommendation, score, explanation', async () => {
    await renderInTestApp(<ClusterVerdictCard cluster="homelab" adoption={makeClusterAdoption()} />);
    expect(screen.getByText('Should homelab adopt a service mesh?')).toBeInTheDocument();
    // The cluster's chip, and selfhosted-apps' among the closest systems.
    expect(screen.getAllByText('Not yet')).toHaveLength(2);
    expect(screen.getByText('Readiness score 23/100')).toBeInTheDocument();
    expect(screen.getByText(/^Not yet: no trigger fired/)).toBeInTheDocument();
  });

  it('shows each trigger at its share of the bar, with evidence and what would change it', async () => {
    await renderInTestApp(<ClusterVerdictCard cluster="homelab" adoption={makeClusterAdoption()} />);
    // Observability reports its share of the bar (61 %), not the uncovered share (18 %).
    expect(screen.getByRole('progressbar', { name: 'Observability: share of its bar' })).toHaveAttribute('aria-valuenow', '61');
    expect(screen.getByRole('progressbar', { name: 'Canary releases: share of its bar' })).toHaveAttribute('aria-valuenow', '75');
    const scale = screen.getByRole('list', { name: 'Scale evidence' });
    expect(within(scale).getByText('38 application Services in homelab (bar: 50)')).toBeInTheDocument();
    expect(within(scale).getByText('What would change it: 12 more application Services would fire it.')).toBeInTheDocument();
    expect(screen.queryByText('fired')).not.toBeInTheDocument();
  });

  it('names the closest systems and the cost for the whole cluster', async () => {
    await renderInTestApp(<ClusterVerdictCard cluster="homelab" adoption={makeClusterAdoption()} />);
    const systems = screen.getByRole('list', { name: 'Closest systems' });
    expect(within(systems).getByText('auto-brand')).toBeInTheDocument();
    expect(within(systems).getByText('Prepare')).toBeInTheDocument();
    expect(screen.getByText('≈ 1300 MiB (1.0 % of 132 GiB allocatable): control plane 300 MiB, 40 proxies 800 MiB, Prometheus 200 MiB.')).toBeInTheDocument();
  });

  it('marks a fired trigger', async () => {
    const adoption = makeClusterAdoption({ recommendation: 'adopt-now', triggers: [{ id: 'compliance', fired: true, strength: 1, evidence: ['compliance marker component:default/pay: pci'] }] });
    await renderInTestApp(<ClusterVerdictCard cluster="shop" adoption={adoption} />);
    expect(screen.getByText('fired')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Compliance: share of its bar' })).toHaveAttribute('aria-valuenow', '100');
  });
});

describe('ClusterVerdicts', () => {
  it('shows a card per cluster that has a verdict', async () => {
    const api = fakeServiceMeshApi({ getClusters: async () => ({ clusters: [makeCluster({ adoption: makeClusterAdoption() }), makeCluster({ name: 'bare' })], errors: [] }) });
    await renderInTestApp(
      <TestApiProvider apis={[[serviceMeshApiRef, api]]}>
        <ClusterVerdicts />
      </TestApiProvider>,
    );
    expect(await screen.findByText('Should homelab adopt a service mesh?')).toBeInTheDocument();
    expect(screen.queryByText('Should bare adopt a service mesh?')).not.toBeInTheDocument();
  });

  it('shows nothing when the clusters cannot be read (the clusters table shows the error)', async () => {
    const api = fakeServiceMeshApi({
      getClusters: async () => {
        throw await makeResponseError(503, 'down');
      },
    });
    await renderInTestApp(
      <TestApiProvider apis={[[serviceMeshApiRef, api]]}>
        <ClusterVerdicts />
      </TestApiProvider>,
    );
    await waitFor(() => expect(screen.queryByRole('progressbar')).not.toBeInTheDocument());
    expect(screen.queryByText(/adopt a service mesh/)).not.toBeInTheDocument();
    expect(screen.queryByText(/down/)).not.toBeInTheDocument();
  });
});
