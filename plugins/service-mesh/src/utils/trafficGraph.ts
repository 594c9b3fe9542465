import type {
  CrossClusterEdge,
  EdgeReport,
} from '@meshlens/plugin-service-mesh-common';
import { formatNumber } from './formatNumber';
import { formatPercent } from './formatPercent';
import { successRateClass } from './successRateClass';

/** A workload in the traffic graph. */
export interface TrafficNode {
  /** `cluster/namespace/Kind/name`. */
  id: string;
  cluster: string;
  /** `namespace/Kind/name`. */
  workload: string;
  /** The catalog entity running the workload, when known. */
  entityRef?: string;
  /** A workload of the entity the graph is centred on. */
  own: boolean;
  /** A Service in a linked cluster, reached through a mirror Service (multi-cluster). */
  remote?: boolean;
  /**
   * `false` for a caller without a proxy (an ingress, or the entity's unmeshed clients), seen
   * only through the plaintext requests its callee received.
   */
  meshed: boolean;
}

/** Traffic from one workload to another in the traffic graph. */
export interface TrafficEdge {
  from: string;
  to: string;
  security: EdgeReport['security'];
  protocol: 'http' | 'tcp';
  /** `12.3 rps · 99.50%`, or `TCP · 3 conns`. */
  label: string;
  /** Success rate below 90 % (Linkerd viz calls it poor). */
  failing: boolean;
  rps: number;
  successRate?: number;
  connections: number;
}

/** Nodes and edges of a traffic graph. */
export interface TrafficGraph {
  nodes: TrafficNode[];
  edges: TrafficEdge[];
}

/** The traffic of one entity: what calls it and what it calls. */
export interface EntityTraffic {
  entityRef: string;
  callers: EdgeReport[];
  callees: EdgeReport[];
  /** Calls to mirrored Services: drawn to the Service in its own cluster. */
  crossCluster?: CrossClusterEdge[];
}

/** An edge's security from its share of mTLS requests, as the edge reports call it. */
function securityOf(tlsShare: number): EdgeReport['security'] {
  if (tlsShare >= 1) return 'mtls';
  return tlsShare <= 0 ? 'plaintext' : 'partial';
}

/** What an edge of the graph is drawn from. */
type EdgeFigures = Pick<
  EdgeReport,
  'security' | 'protocol' | 'rps' | 'successRate' | 'connections'
>;

/**
 * `tcp` when the edge says so; without the field, an edge that carries
 * connections but no requests is taken for TCP.
 */
function protocolOf(edge: EdgeFigures): 'http' | 'tcp' {
  if (edge.protocol) return edge.protocol;
  const noRequests = edge.rps === 0 && edge.successRate === undefined;
  return noRequests && edge.connections > 0 ? 'tcp' : 'http';
}

function labelOf(edge: EdgeFigures, protocol: 'http' | 'tcp'): string {
  if (protocol === 'tcp') {
    return `TCP · ${edge.connections} ${
      edge.connections === 1 ? 'conn' : 'conns'
    }`;
  }
  const rate = `${formatNumber(edge.rps)} rps`;
  const success =
    edge.successRate === undefined || edge.successRate === null
      ? ''
      : ` · ${formatPercent(edge.successRate)}`;
  return `${rate}${success}`;
}

/**
 * Builds the graph of workloads and their traffic from the callers and
 * callees of one or more entities; an edge seen from both ends (a callee of
 * one entity, a caller of the other) is drawn once. Unmeshed callers (an
 * ingress, or "unmeshed clients") are nodes marked `meshed: false`, their
 * edges plaintext. Calls to mirrored Services end at the Service in the
 * linked cluster (`remote`), coloured by their mTLS share to the gateway.
 *
 * @internal
 */
export function trafficGraph(
  traffic: EntityTraffic[],
  centre?: string,
): TrafficGraph {
  const nodes = new Map<string, TrafficNode>();
  const edges = new Map<string, TrafficEdge>();
  const node = (
    cluster: string,
    workload: string,
    entityRef?: string,
    meshed = true,
  ) => {
    const id = `${cluster}/${workload}`;
    const known = nodes.get(id);
    if (!known) {
      nodes.set(id, {
        id,
        cluster,
        workload,
        entityRef,
        own: entityRef !== undefined && entityRef === centre,
        meshed,
      });
    } else if (!known.entityRef && entityRef) {
      known.entityRef = entityRef;
      known.own = entityRef === centre;
    }
    return id;
  };
  const add = (from: string, to: string, edge: EdgeFigures) => {
    const key = `${from}->${to}`;
    if (edges.has(key)) return;
    const protocol = protocolOf(edge);
    edges.set(key, {
      from,
      to,
      security: edge.security,
      protocol,
      label: labelOf(edge, protocol),
      failing:
        protocol === 'http' && successRateClass(edge.successRate) === 'poor',
      rps: edge.rps,
      successRate: edge.successRate ?? undefined,
      connections: edge.connections,
    });
  };
  for (const { entityRef, callers, callees, crossCluster = [] } of traffic) {
    for (const edge of callers) {
      const own = node(edge.cluster, edge.workload, entityRef);
      add(
        node(
          edge.cluster,
          edge.peer,
          edge.peerEntityRef,
          edge.meshed !== false,
        ),
        own,
        edge,
      );
    }
    for (const edge of callees) {
      const own = node(edge.cluster, edge.workload, entityRef);
      add(own, node(edge.cluster, edge.peer, edge.peerEntityRef), edge);
    }
    for (const edge of crossCluster) {
      const own = node(edge.cluster, edge.workload, entityRef);
      const [namespace, name] = edge.targetService.split('/');
      const remote = node(edge.targetCluster, `${namespace}/Service/${name}`);
      nodes.get(remote)!.remote = true;
      add(own, remote, {
        security: securityOf(edge.tlsShare),
        protocol: 'http',
        rps: edge.rps,
        successRate: edge.successRate,
        connections: 0,
      });
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
