import { Service } from './kube';
import { DEFAULT_OPAQUE_PORTS, DEFAULT_SERVER_SPEAKS_FIRST_PORTS, opaquePortFindings, parsePortList } from './opaquePorts';
import { Workload } from './workloads';

// Upstream (linkerd2 edge-25.10.7):
// - charts/linkerd-control-plane/values.yaml `proxy.opaquePorts: "25,587,3306,4444,5432,6379,9300,11211"`.
// - pkg/inject/inject.go ApplyAnnotationOverrides: `config.linkerd.io/opaque-ports` sets
//   values.Proxy.OpaquePorts (replaces the default list), parsed by pkg/util/parsing.go
//   ParseContainerOpaquePorts (named container ports first, then `lower-upper` ranges,
//   pkg/util/portrange.go); CreateOpaquePortsPatch: the pod inherits the namespace's value, else
//   gets the default ports it exposes.
// - policy-controller/k8s/index/src/inbound/workload.rs: the inbound opaque set is the pod's
//   annotation only.
// - policy-controller/core/src/outbound.rs + k8s/index/src/outbound/index.rs: a Service port is
//   opaque by `appProtocol` `linkerd.io/opaque`|`linkerd.io/tcp` (any other appProtocol wins over
//   the port lists), else by the Service's `config.linkerd.io/opaque-ports` annotation, else by
//   the cluster's default list; controller/api/destination/watcher/opaque_ports_watcher.go
//   resolves Service port names in that annotation.
// - pkg/k8s/labels.go `config.linkerd.io/skip-inbound-ports` / `skip-outbound-ports`, applied by
//   inject.go to proxyInit.ignoreInbound/OutboundPorts: those ports bypass the proxy.
// NATS 8222 is its HTTP monitoring port (NATS docs, not Linkerd): not server-speaks-first.

const NATS_PORTS = [{ containerPort: 4222, name: 'client' }, { containerPort: 6222, name: 'cluster' }, { containerPort: 8222, name: 'monitor' }];
const workload = (opts: { name?: string; ports?: Array<{ containerPort: number; name?: string }>; annotations?: Record<string, string>; env?: Record<string, string> }): Workload => ({
  cluster: 'c', namespace: 'auto-brand', kind: opts.ports ? 'StatefulSet' : 'Deployment', name: opts.name ?? (opts.ports ? 'nats' : 'orchestrator'),
  labels: {}, pods: [], replicaSets: [],
  template: {
    metadata: { labels: { app: opts.name ?? (opts.ports ? 'nats' : 'orchestrator') }, annotations: opts.annotations },
    spec: { containers: [{ name: 'app', ports: opts.ports ?? [], env: Object.entries(opts.env ?? {}).map(([name, value]) => ({ name, value })) }] },
  },
});
const nats = (annotations?: Record<string, string>) => workload({ ports: NATS_PORTS, annotations });
const mysql = (annotations?: Record<string, string>) => workload({ name: 'mysql', ports: [{ containerPort: 3306 }], annotations });
const service = (name: string, ports: Array<{ port: number; targetPort?: number | string; name?: string; appProtocol?: string }>, annotations?: Record<string, string>): Service => ({
  kind: 'Service', metadata: { name, namespace: 'auto-brand', annotations }, spec: { selector: { app: name }, ports },
});
const natsService = (appProtocol?: string, annotations?: Record<string, string>) =>
  service('nats', [4222, 6222, 8222].map(port => ({ port, targetPort: port, ...(appProtocol ? { appProtocol } : {}) })), annotations);
const OPAQUE = { 'config.linkerd.io/opaque-ports': '' };
const opaque = (v: string) => ({ ...OPAQUE, 'config.linkerd.io/opaque-ports': v });
type Ctx = { namespaceAnnotations?: Record<string, string>; meshed?: boolean; linkerdInstalled?: boolean };
const findings = (w: Workload, services: Service[] = [], ctx: Ctx = {}) =>
  opaquePortFindings(w, { services, ports: DEFAULT_SERVER_SPEAKS_FIRST_PORTS, ...ctx });
const find = (w: Workload, services: Service[] = [], ctx: Ctx = {}) => findings(w, services, ctx).map(f => f.message);

describe('opaque-ports-required (linkerd2 pkg/inject/inject.go, policy-controller outbound index.rs)', () => {
  it('flags NATS serving 4222/6222 without an opaque declaration, not its HTTP monitoring port 8222', () => {
    expect(find(nats(), [natsService()])).toEqual([expect.stringContaining('serves server-speaks-first ports 4222, 6222 ')]);
  });
  it('checks NATS 4222 and 6222 by default, not 8222', () => {
    expect(DEFAULT_SERVER_SPEAKS_FIRST_PORTS).toEqual([4222, 6222]);
    expect(DEFAULT_OPAQUE_PORTS).toEqual([25, 587, 3306, 4444, 5432, 6379, 9300, 11211]);
  });
  it.each(['linkerd.io/opaque', 'linkerd.io/tcp'])('is satisfied by appProtocol %s on the Service port (near miss)', appProtocol => {
    expect(find(nats(), [natsService(appProtocol)])).toEqual([]);
  });
  it('accepts NATS annotated 4222,6222: a port in the value is opaque, defaults repeated or not', () => {
    expect(find(nats(opaque('4222,6222')), [natsService()])).toEqual([]);
  });
  it('inherits the annotation from the namespace', () => {
    expect(find(nats(), [natsService()], { namespaceAnnotations: opaque('4222,6222') })).toEqual([]);
  });
  it('resolves named container ports in the annotation (ParseContainerOpaquePorts)', () => {
    expect(find(nats(opaque('client,cluster')), [natsService()])).toEqual([]);
  });
  it('accepts port ranges in the annotation', () => {
    expect(find(nats(opaque('4000-7000')), [natsService()])).toEqual([]);
  });
  it('flags a MySQL whose annotation drops 3306: the value replaces the default list', () => {
    expect(find(mysql(opaque('4222')), [service('mysql', [{ port: 3306 }])])).toEqual([
      expect.stringMatching(/serves server-speaks-first port 3306 .*"4222" replaces Linkerd's default opaque ports/),
    ]);
  });
  it('flags a MySQL whose namespace annotation drops 3306', () => {
    expect(find(mysql(), [], { namespaceAnnotations: opaque('4222') })).toEqual([expect.stringContaining('port 3306')]);
  });
  it('does not flag a MySQL on 3306 without an annotation: Linkerd\'s defaults cover it (near miss)', () => {
    expect(find(mysql(), [service('mysql', [{ port: 3306 }])])).toEqual([]);
  });
  it('is satisfied by the Service\'s own opaque-ports annotation, by number or by Service port name', () => {
    expect(find(nats(), [natsService(undefined, opaque('4222,6222'))])).toEqual([]);
    const named = service('nats', [{ port: 4222, name: 'client' }, { port: 6222, name: 'cluster' }], opaque('client,cluster'));
    expect(find(nats(), [named])).toEqual([]);
  });
  it('follows a Service port whose targetPort is a container port name', () => {
    const byName = service('nats', [{ port: 14222, targetPort: 'client', appProtocol: 'linkerd.io/opaque' }, { port: 16222, targetPort: 'cluster', appProtocol: 'linkerd.io/opaque' }]);
    expect(find(nats(), [byName])).toEqual([]);
  });
  it('takes skip-inbound-ports out of the proxy: nothing to declare', () => {
    expect(find(nats({ 'config.linkerd.io/skip-inbound-ports': '4222,6222' }), [natsService()])).toEqual([]);
  });
  it('flags a caller of a NATS Service port not declared opaque, unless it skips the port outbound', () => {
    const env = { NATS_URL: 'nats://nats.auto-brand.svc:4222', DATABASE_URL: 'postgres://auto-brand-postgres.auto-brand.svc:5432/x' };
    expect(find(workload({ env }), [natsService()])).toEqual([expect.stringContaining('calls nats.auto-brand.svc:4222 (server-speaks-first, from NATS_URL)')]);
    expect(find(workload({ env }), [natsService('linkerd.io/opaque')])).toEqual([]);
    expect(find(workload({ env, annotations: { 'config.linkerd.io/skip-outbound-ports': '4222' } }), [natsService()])).toEqual([]);
  });
  it('flags a caller of a MySQL Service whose own annotation replaced the defaults without 3306', () => {
    const env = { DSN: 'mysql://mysql.auto-brand.svc:3306/x' };
    expect(find(workload({ env }), [service('mysql', [{ port: 3306 }])])).toEqual([]);
    expect(find(workload({ env }), [service('mysql', [{ port: 3306 }], opaque('4222'))])).toEqual([expect.stringContaining('calls mysql.auto-brand.svc:3306')]);
    expect(find(workload({ env }), [service('mysql', [{ port: 3306, appProtocol: 'http' }])])).toEqual([expect.stringContaining('calls mysql.auto-brand.svc:3306')]);
  });
  it('is advice (info) on an unmeshed workload in a meshed cluster, a warning on a meshed one or before adoption', () => {
    expect(findings(nats(), [natsService()], { linkerdInstalled: true, meshed: false }).map(f => f.severity)).toEqual(['info']);
    expect(findings(nats(), [natsService()], { linkerdInstalled: true, meshed: true }).map(f => f.severity)).toEqual(['warning']);
    expect(findings(nats(), [natsService()], { linkerdInstalled: false, meshed: false }).map(f => f.severity)).toEqual(['warning']);
  });
  it('parses port lists like pkg/util/parsing.go: trimmed, ranges, names, invalid parts skipped', () => {
    expect([...parsePortList('25, 4222-4224,x,9-8,client,', { client: 4000 })].sort((a, b) => a - b)).toEqual([25, 4000, 4222, 4223, 4224]);
  });
});

// policy-controller/k8s/index/src/inbound/index.rs default_inbound_server: without a Server the
// port's protocol comes from the pod's opaque ports; a Server selecting the port brings its own
// proxyProtocol (inbound/server.rs: `opaque` → Opaque). The cluster's default list is
// `proxy.opaquePorts` in linkerd-config (charts/linkerd-control-plane/templates/config.yaml renders
// the values; runtime/src/args.rs `default_opaque_ports`).
describe('opaque-ports-required with Servers and the cluster\'s default list', () => {
  it('is satisfied by a Server with proxyProtocol opaque on the port, by number or name', () => {
    expect(find(nats(), [natsService()], { opaqueServers: ['4222', 'cluster'] } as Ctx)).toEqual([]);
    expect(find(nats(), [natsService()], { opaqueServers: ['4222'] } as Ctx)).toEqual([expect.stringContaining('port 6222 ')]);
  });
  it('reads the default list from linkerd-config when the operator changed it', () => {
    expect(find(mysql(), [], { defaultOpaquePorts: [25, 5432] } as Ctx)).toEqual([expect.stringContaining('port 3306 ')]);
    expect(find(nats(), [natsService()], { defaultOpaquePorts: [...DEFAULT_OPAQUE_PORTS, 4222, 6222] } as Ctx)).toEqual([]);
  });
});
