import { makeEdge } from '../__testUtils__/makeEdge';
import { trafficGraph } from './trafficGraph';

describe('trafficGraph', () => {
  it('puts callers before and callees after the entity, labelled and classified', () => {
    const graph = trafficGraph(
      [
        {
          entityRef: 'component:shop/checkout',
          callers: [
            makeEdge({
              peer: 'shop/Deployment/web-ui',
              peerEntityRef: 'component:shop/web-ui',
              successRate: 0.85,
              rps: 4,
            }),
          ],
          callees: [
            makeEdge({
              peer: 'data/StatefulSet/nats',
              protocol: 'tcp',
              rps: 0,
              successRate: undefined,
              connections: 2,
              security: 'plaintext',
            }),
            makeEdge({
              peer: 'data/StatefulSet/pg',
              security: 'partial',
              tlsShare: 0.5,
            }),
          ],
        },
      ],
      'component:shop/checkout',
    );

    expect(graph.nodes.map(n => [n.id, n.own])).toEqual([
      ['homelab/shop/Deployment/checkout', true],
      ['homelab/shop/Deployment/web-ui', false],
      ['homelab/data/StatefulSet/nats', false],
      ['homelab/data/StatefulSet/pg', false],
    ]);
    expect(graph.edges).toEqual([
      expect.objectContaining({
        from: 'homelab/shop/Deployment/web-ui',
        to: 'homelab/shop/Deployment/checkout',
        security: 'mtls',
        protocol: 'http',
        label: '4 rps · 85.00%',
        failing: true,
      }),
      expect.objectContaining({
        from: 'homelab/shop/Deployment/checkout',
        to: 'homelab/data/StatefulSet/nats',
        protocol: 'tcp',
        label: 'TCP · 2 conns',
        failing: false,
      }),
      expect.objectContaining({
        to: 'homelab/data/StatefulSet/pg',
        security: 'partial',
        label: '2.5 rps · 99.50%',
      }),
    ]);
  });

  it('takes an edge with connections but no requests for TCP when the protocol is absent', () => {
    const graph = trafficGraph([
      {
        entityRef: 'component:a/b',
        callers: [],
        callees: [makeEdge({ rps: 0, successRate: undefined, connections: 1 })],
      },
    ]);
    expect(graph.edges[0]).toMatchObject({
      protocol: 'tcp',
      label: 'TCP · 1 conn',
    });
  });

  it('draws an edge seen from both of its ends once', () => {
    const edge = {
      peer: 'shop/Deployment/checkout',
      workload: 'shop/Deployment/web-ui',
    };
    const graph = trafficGraph([
      {
        entityRef: 'component:shop/web-ui',
        callers: [],
        callees: [makeEdge(edge)],
      },
      {
        entityRef: 'component:shop/checkout',
        callers: [
          makeEdge({
            peer: 'shop/Deployment/web-ui',
            workload: 'shop/Deployment/checkout',
          }),
        ],
        callees: [],
      },
    ]);
    expect(graph.edges).toHaveLength(1);
    expect(graph.nodes).toHaveLength(2);
  });
});
