import { Service } from '../kube';
import { portProtocol, PortProtocolContext } from './portProtocol';

const svc = (port: number, appProtocol?: string, targetPort?: number | string): Service => ({
  kind: 'Service', metadata: { name: 'svc', namespace: 'shop' }, spec: { selector: { app: 'x' }, ports: [{ port, targetPort, appProtocol }] },
});
const ctx = (o: Partial<PortProtocolContext> = {}): PortProtocolContext => ({ services: [], serverSpeaksFirstPorts: [4222, 6222, 8222], ...o });

// Server.spec.proxyProtocol values: linkerd2 edge-25.10.7 policy-controller/k8s/api/src/policy/server.rs
// (enum ProxyProtocol: unknown, HTTP/1, HTTP/2, gRPC, opaque, TLS). Default opaque ports:
// charts/linkerd-control-plane/values.yaml (proxy.opaquePorts), mirrored in DEFAULT_OPAQUE_PORTS.
// The port-name fallback is a Meshlens convention, not a Linkerd rule.
describe('portProtocol', () => {
  it.each([
    ['appProtocol linkerd.io/opaque', { port: 8080 }, ctx({ services: [svc(80, 'linkerd.io/opaque', 8080)] }), 'opaque'],
    ['appProtocol kubernetes.io/h2c', { port: 8080 }, ctx({ services: [svc(8080, 'kubernetes.io/h2c')] }), 'HTTP/2'],
    ['appProtocol http by named targetPort', { port: 8080, name: 'web' }, ctx({ services: [svc(80, 'http', 'web')] }), 'HTTP/1'],
    ['appProtocol grpc', { port: 9090 }, ctx({ services: [svc(9090, 'grpc')] }), 'gRPC'],
    ['default opaque port (PostgreSQL)', { port: 5432 }, ctx(), 'opaque'],
    ['annotation replaces the defaults', { port: 5432 }, ctx({ opaquePortsAnnotation: '4222' }), 'unknown'],
    ['annotation range', { port: 7001 }, ctx({ opaquePortsAnnotation: '7000-7002' }), 'opaque'],
    ['server-speaks-first (NATS)', { port: 4222, name: 'client' }, ctx(), 'opaque'],
    ['port name grpc', { port: 9000, name: 'grpc-api' }, ctx(), 'gRPC'],
    ['port name http', { port: 8000, name: 'http' }, ctx(), 'HTTP/1'],
    ['nothing declared: detection', { port: 8000, name: 'api' }, ctx(), 'unknown'],
  ] as const)('%s', (_, port, c, expected) => {
    expect(portProtocol(port, c).proxyProtocol).toBe(expected);
  });
});
