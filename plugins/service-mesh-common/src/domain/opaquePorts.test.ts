import { Service } from './kube';
import { DEFAULT_SERVER_SPEAKS_FIRST_PORTS, opaquePortFindings, parsePortList } from './opaquePorts';
import { Workload } from './workloads';

const DEFAULTS = '25,587,3306,4444,5432,6379,9300,11211';
const workload = (opts: { ports?: number[]; annotation?: string; env?: Record<string, string>; name?: string }): Workload => ({
  cluster: 'c', namespace: 'auto-brand', kind: opts.ports ? 'StatefulSet' : 'Deployment', name: opts.name ?? (opts.ports ? 'nats' : 'orchestrator'),
  labels: {}, pods: [], replicaSets: [],
  template: {
    metadata: { labels: { app: opts.name ?? (opts.ports ? 'nats' : 'orchestrator') }, annotations: opts.annotation ? { 'config.linkerd.io/opaque-ports': opts.annotation } : undefined },
    spec: { containers: [{ name: 'app', ports: (opts.ports ?? []).map(containerPort => ({ containerPort })), env: Object.entries(opts.env ?? {}).map(([name, value]) => ({ name, value })) }] },
  },
});
const natsService = (appProtocol?: string): Service => ({
  kind: 'Service', metadata: { name: 'nats', namespace: 'auto-brand' },
  spec: { selector: { app: 'nats' }, ports: [4222, 6222, 8222].map(port => ({ port, targetPort: port, ...(appProtocol ? { appProtocol } : {}) })) },
});
const find = (w: Workload, services: Service[] = []) =>
  opaquePortFindings(w, { services, ports: DEFAULT_SERVER_SPEAKS_FIRST_PORTS }).map(f => f.message);

describe('opaque-ports-required', () => {
  it('flags NATS serving 4222/6222/8222 without an opaque declaration', () => {
    expect(find(workload({ ports: [4222, 6222, 8222] }), [natsService()])).toEqual([expect.stringContaining('serves server-speaks-first ports 4222, 6222, 8222')]);
  });
  it.each(['linkerd.io/opaque', 'linkerd.io/tcp'])('is satisfied by appProtocol %s on the Service port (near miss)', appProtocol => {
    expect(find(workload({ ports: [4222, 6222, 8222] }), [natsService(appProtocol)])).toEqual([]);
  });
  it('does not accept an opaque-ports annotation that drops the defaults, and says why', () => {
    expect(find(workload({ ports: [4222], annotation: '4222' }))).toEqual([expect.stringContaining('replaces Linkerd\'s defaults')]);
  });
  it('accepts an opaque-ports annotation that keeps the defaults (near miss)', () => {
    expect(find(workload({ ports: [4222], annotation: `${DEFAULTS},4222` }))).toEqual([]);
    expect(find(workload({ ports: [4222, 6222], annotation: `${DEFAULTS},4222-6222` }))).toEqual([]);
  });
  it('ignores ports already in the default opaque list', () => {
    expect(find(workload({ ports: [5432] }))).toEqual([]);
  });
  it('flags a workload that calls a server-speaks-first Service port named in its env', () => {
    const caller = workload({ env: { NATS_URL: 'nats://nats.auto-brand.svc:4222', DATABASE_URL: 'postgres://auto-brand-postgres.auto-brand.svc:5432/x' } });
    expect(find(caller, [natsService()])).toEqual([expect.stringContaining('calls nats.auto-brand.svc:4222 (server-speaks-first, from NATS_URL)')]);
    expect(find(caller, [natsService('linkerd.io/opaque')])).toEqual([]);
  });
  it('parses port lists with ranges', () => {
    expect([...parsePortList('25, 4222-4224,x')]).toEqual([25, 4222, 4223, 4224]);
  });
});
