import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { WorkloadReport } from '@meshlens/plugin-service-mesh-common';
import { makePolicy } from '../../__testUtils__/makePolicy';
import { makeReport } from '../../__testUtils__/makeReport';
import { PolicyCard } from './PolicyCard';

const [checkout, checkoutDb] = makeReport().workloads;
const clusters = makeReport().clusters;

function withPolicy(workload: WorkloadReport, policy = makePolicy()) {
  return { ...workload, defaultInboundPolicy: 'all-authenticated', policy };
}

describe('PolicyCard', () => {
  it('shows servers, authorization, routes and rate limits per workload', async () => {
    await renderInTestApp(
      <PolicyCard workloads={[withPolicy(checkout)]} clusters={clusters} />,
    );

    expect(screen.getByText('Policy & routes')).toBeInTheDocument();
    const section = screen.getByRole('region', {
      name: 'shop/Deployment/checkout (homelab)',
    });
    expect(
      within(section).getByRole('heading', {
        name: 'shop/Deployment/checkout (homelab)',
      }),
    ).toBeInTheDocument();
    expect(
      within(section).getByText('Default inbound policy: all-authenticated'),
    ).toBeInTheDocument();

    const servers = within(section).getByRole('table', { name: /^Servers/ });
    expect(within(servers).getByText('checkout-http')).toBeInTheDocument();
    expect(within(servers).getByText('8080')).toBeInTheDocument();
    expect(within(servers).getByText('HTTP/2')).toBeInTheDocument();

    const authz = within(section).getByRole('table', {
      name: /^AuthorizationPolicies/,
    });
    const authzRow = within(authz)
      .getByText('checkout-from-web-ui')
      .closest('tr')!;
    expect(
      within(authzRow).getByText('→ Server/checkout-http'),
    ).toBeInTheDocument();
    expect(
      within(authzRow).getByText('MeshTLSAuthentication/web-ui'),
    ).toBeInTheDocument();

    const routes = within(section).getByRole('table', { name: /^HTTPRoutes/ });
    const route = within(routes).getByText('cart-canary').closest('tr')!;
    for (const text of [
      'gateway.networking.k8s.io',
      'Service/cart',
      '3',
      '2s',
      'cart 90 % · cart-v2 10 %',
    ]) {
      expect(within(route).getByText(text)).toBeInTheDocument();
    }

    const limits = within(section).getByRole('table', { name: /^Rate limits/ });
    const limit = within(limits).getByText('checkout-rl').closest('tr')!;
    expect(within(limit).getByText('100 rps')).toBeInTheDocument();
    expect(within(limit).getByText('10 rps')).toBeInTheDocument();
  });

  it('leaves out empty kinds and shows dashes for unset fields', async () => {
    const policy = makePolicy({
      servers: [{ name: 'checkout-grpc', port: 'grpc' }],
      authorizationPolicies: [],
      httpRoutes: [
        {
          name: 'plain',
          group: 'policy.linkerd.io',
          parent: 'Server/x',
          backends: [],
        },
      ],
      rateLimits: [{ name: 'rl', server: 'checkout-grpc', total: 5 }],
    });
    await renderInTestApp(
      <PolicyCard
        workloads={[withPolicy(checkout, policy)]}
        clusters={clusters}
      />,
    );

    expect(
      screen.queryByRole('table', { name: /^AuthorizationPolicies/ }),
    ).not.toBeInTheDocument();
    const servers = screen.getByRole('table', { name: /^Servers/ });
    expect(within(servers).getByText('—')).toBeInTheDocument();
    const route = screen.getByText('plain').closest('tr')!;
    expect(within(route).getAllByText('—')).toHaveLength(3);
    const limit = screen.getByText('rl').closest('tr')!;
    expect(within(limit).getByText('5 rps')).toBeInTheDocument();
    expect(within(limit).getByText('—')).toBeInTheDocument();
  });

  it('says which default inbound policy applies when no Server selects a workload', async () => {
    const empty = makePolicy({
      servers: [],
      authorizationPolicies: [],
      httpRoutes: [],
      rateLimits: [],
    });
    await renderInTestApp(
      <PolicyCard
        workloads={[withPolicy(checkout), { ...checkoutDb, policy: empty }]}
        clusters={[
          { ...clusters[0], defaultInboundPolicy: 'cluster-unauthenticated' },
        ]}
      />,
    );

    const db = screen.getByRole('region', {
      name: 'shop/StatefulSet/checkout-db (homelab)',
    });
    expect(
      within(db).getByText(
        'No Server selects this workload: the default inbound policy (cluster-unauthenticated) applies.',
      ),
    ).toBeInTheDocument();
    expect(within(db).queryByRole('table')).not.toBeInTheDocument();
  });

  it('marks a workload whose cluster does not serve the policy CRDs', async () => {
    const other = { ...checkoutDb, cluster: 'legacy' };
    await renderInTestApp(
      <PolicyCard
        workloads={[withPolicy(checkout), other]}
        clusters={clusters}
      />,
    );

    const legacy = screen.getByRole('region', {
      name: 'shop/StatefulSet/checkout-db (legacy)',
    });
    expect(
      within(legacy).getByText(
        "Linkerd's policy CRDs are not served in this cluster",
      ),
    ).toBeInTheDocument();
  });

  it('shows an empty state when no workload carries policy', async () => {
    await renderInTestApp(
      <PolicyCard workloads={[checkout, checkoutDb]} clusters={clusters} />,
    );

    expect(
      screen.getByText("Linkerd's policy CRDs are not served in this cluster"),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says Linkerd is not installed when no cluster has it', async () => {
    await renderInTestApp(
      <PolicyCard
        workloads={[checkout]}
        clusters={[
          {
            ...clusters[0],
            linkerdInstalled: false,
            linkerdVersion: undefined,
          },
        ]}
      />,
    );

    expect(screen.getByText('Linkerd is not installed')).toBeInTheDocument();
    expect(
      screen.queryByText(
        "Linkerd's policy CRDs are not served in this cluster",
      ),
    ).not.toBeInTheDocument();
  });
});
