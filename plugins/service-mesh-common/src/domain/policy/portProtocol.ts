import { ProxyProtocol } from '../../api/GeneratedPolicy';
import { Service } from '../kube';
import { DEFAULT_OPAQUE_PORTS, parsePortList } from '../opaquePorts';

/** What decides a served port's `Server.spec.proxyProtocol`. */
export interface PortProtocolContext {
  /** Services selecting the workload. */
  services: Service[];
  /** `config.linkerd.io/opaque-ports` in force (pod template, else namespace); undefined: Linkerd's defaults. */
  opaquePortsAnnotation?: string;
  /** Server-speaks-first ports (NATS by default): protocol detection would wait 10 s on them. */
  serverSpeaksFirstPorts: number[];
}

const BY_APP_PROTOCOL: Record<string, ProxyProtocol> = {
  'linkerd.io/opaque': 'opaque',
  'linkerd.io/tcp': 'opaque',
  'kubernetes.io/h2c': 'HTTP/2',
  http: 'HTTP/1',
  'kubernetes.io/ws': 'HTTP/1',
  http2: 'HTTP/2',
  h2c: 'HTTP/2',
  grpc: 'gRPC',
};

function byName(name: string | undefined): ProxyProtocol | undefined {
  const n = (name ?? '').toLowerCase();
  if (n.startsWith('grpc')) return 'gRPC';
  if (n.startsWith('h2c') || n.startsWith('http2')) return 'HTTP/2';
  if (n.startsWith('http') || n === 'web' || n === 'metrics') return 'HTTP/1';
  return undefined;
}

/**
 * The proxy protocol of a served port, first match wins: the Service port's `appProtocol`, the
 * opaque-ports in force (an annotation replaces Linkerd's default list), a server-speaks-first
 * port (opaque: the proxy would wait for a client preamble that never comes), the port's name;
 * otherwise `unknown` — the proxy detects the protocol, as without a Server.
 */
export function portProtocol(port: { port: number; name?: string }, ctx: PortProtocolContext): { proxyProtocol: ProxyProtocol; reason: string } {
  for (const s of ctx.services) {
    const sp = (s.spec.ports ?? []).find(p => p.targetPort === port.port || (port.name !== undefined && p.targetPort === port.name) || (p.targetPort === undefined && p.port === port.port));
    const proto = sp?.appProtocol ? BY_APP_PROTOCOL[sp.appProtocol] : undefined;
    if (proto) return { proxyProtocol: proto, reason: `Service ${s.metadata.name} port ${sp!.port}: appProtocol ${sp!.appProtocol}` };
  }
  const opaque = ctx.opaquePortsAnnotation === undefined ? new Set(DEFAULT_OPAQUE_PORTS) : parsePortList(ctx.opaquePortsAnnotation);
  if (opaque.has(port.port)) {
    return { proxyProtocol: 'opaque', reason: ctx.opaquePortsAnnotation === undefined ? "in Linkerd's default opaque ports" : `in config.linkerd.io/opaque-ports (${ctx.opaquePortsAnnotation})` };
  }
  if (ctx.serverSpeaksFirstPorts.includes(port.port)) return { proxyProtocol: 'opaque', reason: 'server-speaks-first port: protocol detection would time out' };
  const named = byName(port.name);
  if (named) return { proxyProtocol: named, reason: `port name ${port.name}` };
  return { proxyProtocol: 'unknown', reason: 'nothing declares the protocol: the proxy detects it' };
}
