import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { lightTheme } from '@backstage/theme';
import { screen, waitFor } from '@testing-library/react';
import { makeEdge } from '../../__testUtils__/makeEdge';
import { trafficGraph } from '../../utils/trafficGraph';
import { TrafficGraph } from './TrafficGraph';

const graph = trafficGraph(
  [
    {
      entityRef: 'component:shop/checkout',
      callers: [
        makeEdge({
          peer: 'shop/Deployment/web-ui',
          peerEntityRef: 'component:shop/web-ui',
        }),
        makeEdge({
          peer: 'ingress/Deployment/traefik',
          security: 'plaintext',
          successRate: 0.8,
          rps: 3,
        }),
      ],
      callees: [
        makeEdge({
          peer: 'data/StatefulSet/nats',
          protocol: 'tcp',
          rps: 0,
          successRate: undefined,
          connections: 2,
          security: 'partial',
          tlsShare: 0.5,
        }),
      ],
    },
  ],
  'component:shop/checkout',
);

describe('TrafficGraph', () => {
  it('draws workloads linked to their entities and edges coloured by security', async () => {
    const { container } = await renderInTestApp(
      <TrafficGraph graph={graph} label="Traffic of checkout" />,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    await waitFor(() =>
      expect(container.querySelectorAll('path[data-edge]')).toHaveLength(3),
    );
    expect(
      screen.getByRole('figure', { name: 'Traffic of checkout' }),
    ).toBeInTheDocument();
    expect(container.querySelectorAll('[data-node]')).toHaveLength(4);
    expect(container.querySelector('[data-own="true"]')).toHaveAttribute(
      'data-node',
      'homelab/shop/Deployment/checkout',
    );
    expect(
      container.querySelector('a[href="/catalog/shop/component/web-ui"]'),
    ).toHaveTextContent('web-ui');

    const edge = (to: string) =>
      container.querySelector(`path[data-edge$="${to}"]`)!;
    const palette = lightTheme.palette;
    const web = container.querySelector(
      'path[data-edge^="homelab/shop/Deployment/web-ui"]',
    )!;
    expect(web).toHaveAttribute('stroke', palette.success.main);
    expect(web).toHaveAttribute('data-failing', 'false');
    const traefik = container.querySelector(
      'path[data-edge^="homelab/ingress/Deployment/traefik"]',
    )!;
    expect(traefik).toHaveAttribute('stroke', palette.error.main);
    expect(traefik).toHaveAttribute('data-failing', 'true');
    expect(traefik).toHaveAttribute('stroke-width', '4');
    const nats = edge('homelab/data/StatefulSet/nats');
    expect(nats).toHaveAttribute('stroke', palette.warning.main);
    expect(nats).toHaveAttribute('data-protocol', 'tcp');
    expect(nats).toHaveAttribute('stroke-dasharray', '7 4');
    expect(screen.getByText('TCP · 2 conns')).toBeInTheDocument();
    expect(screen.getByText('⚠ 3 rps · 80.00%')).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Graph legend' }),
    ).toHaveTextContent('mTLS');
  });

  it('draws an unmeshed caller with a dashed outline, linked to its entity, and a plaintext edge', async () => {
    const ingress = trafficGraph(
      [
        {
          entityRef: 'component:shop/web-ui',
          callers: [
            makeEdge({
              peer: 'kube-system/Deployment/traefik',
              peerEntityRef: 'component:shop/traefik',
              workload: 'shop/Deployment/web-ui',
              meshed: false,
              peerKind: 'ingress',
              security: 'plaintext',
              protocol: 'http',
              rps: 8,
              successRate: 0.998,
              connections: 0,
            }),
            makeEdge({
              peer: 'unmeshed clients',
              workload: 'shop/Deployment/web-ui',
              meshed: false,
              peerKind: 'clients',
              security: 'plaintext',
              protocol: 'http',
              rps: 1,
              connections: 0,
            }),
          ],
          callees: [],
        },
      ],
      'component:shop/web-ui',
    );
    const { container } = await renderInTestApp(
      <TrafficGraph graph={ingress} label="Traffic of web-ui" />,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    await waitFor(() =>
      expect(container.querySelectorAll('path[data-edge]')).toHaveLength(2),
    );
    const traefik = container.querySelector(
      '[data-node="homelab/kube-system/Deployment/traefik"]',
    )!;
    expect(traefik).toHaveAttribute('data-meshed', 'false');
    expect(traefik.querySelector('rect')).toHaveAttribute(
      'stroke-dasharray',
      '4 3',
    );
    expect(traefik).toHaveTextContent('kube-system · not meshed');
    expect(
      container.querySelector('a[href="/catalog/shop/component/traefik"]'),
    ).toHaveTextContent('traefik');
    const clients = container.querySelector(
      '[data-node="homelab/unmeshed clients"]',
    )!;
    expect(clients).toHaveTextContent('unmeshed clients');
    expect(clients).toHaveTextContent('homelab · not meshed');
    for (const path of container.querySelectorAll('path[data-edge]'))
      expect(path).toHaveAttribute('stroke', lightTheme.palette.error.main);
    expect(
      container.querySelector('[data-own="true"]')!.querySelector('rect'),
    ).not.toHaveAttribute('stroke-dasharray');
    expect(
      screen.getByRole('list', { name: 'Graph legend' }),
    ).toHaveTextContent('not meshed (plaintext caller)');
  });

  it('says so when there is no traffic', async () => {
    await renderInTestApp(
      <TrafficGraph graph={{ nodes: [], edges: [] }} label="Traffic" />,
    );
    expect(
      screen.getByText('No traffic through the mesh in this window.'),
    ).toBeInTheDocument();
  });
});
