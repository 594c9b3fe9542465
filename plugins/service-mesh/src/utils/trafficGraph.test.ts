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

  it('draws unmeshed callers as unmeshed nodes with plaintext edges, merged across entities', () => {
    const unmeshed = (
      workload: string,
      peer: string,
      kind: 'ingress' | 'clients',
    ) =>
      makeEdge({
        peer,
        workload,
        meshed: false,
        peerKind: kind,
        security: 'plaintext',
        protocol: 'http',
        rps: 8,
        successRate: 0.998,
        latencyMs: undefined,
        serverId: undefined,
        tlsShare: 0,
        connections: 0,
      });
    const graph = trafficGraph(
      [
        {
          entityRef: 'component:shop/web-ui',
          callers: [
            unmeshed(
              'shop/Deployment/web-ui',
              'kube-system/Deployment/traefik',
              'ingress',
            ),
          ],
          callees: [],
        },
        {
          entityRef: 'component:shop/api',
          callers: [
            unmeshed('shop/Deployment/api', 'unmeshed clients', 'clients'),
          ],
          callees: [],
        },
        {
          entityRef: 'component:shop/docs',
          callers: [
            unmeshed('shop/Deployment/docs', 'unmeshed clients', 'clients'),
          ],
          callees: [],
        },
      ],
      'component:shop/web-ui',
    );
    expect(graph.nodes.filter(n => !n.meshed).map(n => n.workload)).toEqual([
      'kube-system/Deployment/traefik',
      'unmeshed clients',
    ]);
    expect(graph.nodes.filter(n => n.meshed)).toHaveLength(3);
    expect(graph.edges[0]).toMatchObject({
      from: 'homelab/kube-system/Deployment/traefik',
      to: 'homelab/shop/Deployment/web-ui',
      security: 'plaintext',
      protocol: 'http',
      label: '8 rps · 99.80%',
    });
    expect(
      graph.edges.filter(e => e.from === 'homelab/unmeshed clients'),
    ).toHaveLength(2);
  });

  it('draws calls to a mirrored Service to the Service in the linked cluster, coloured by their mTLS share', () => {
    const edge = {
      cluster: 'homelab',
      workload: 'shop/Deployment/checkout',
      mirrorService: 'shop/payments-cloud',
      targetCluster: 'cloud',
      targetService: 'shop/payments',
      rps: 0.3,
      successRate: 0.99,
      tlsShare: 1,
    };
    const graph = trafficGraph(
      [
        {
          entityRef: 'component:shop/checkout',
          callers: [],
          callees: [],
          crossCluster: [edge, { ...edge, targetService: 'shop/ledger', tlsShare: 0.5 }],
        },
      ],
      'component:shop/checkout',
    );
    expect(graph.nodes.map(n => [n.id, n.own, n.remote ?? false])).toEqual([
      ['homelab/shop/Deployment/checkout', true, false],
      ['cloud/shop/Service/payments', false, true],
      ['cloud/shop/Service/ledger', false, true],
    ]);
    expect(graph.edges.map(e => [e.to, e.security, e.protocol, e.label])).toEqual([
      ['cloud/shop/Service/payments', 'mtls', 'http', '0.3 rps · 99.00%'],
      ['cloud/shop/Service/ledger', 'partial', 'http', '0.3 rps · 99.00%'],
    ]);
  });
});
