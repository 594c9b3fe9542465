import { Finding } from '../api/EntityMeshReport';
import { Service } from './kube';
import { parsePortList } from './portList';
import { Workload } from './workloads';
import { selectingServices, serviceForHost } from './serviceSelection';

export { parsePortList } from './portList';

/** Linkerd's default opaque ports (2.19): SMTP, MySQL, Galera SST, PostgreSQL, Redis, ES, Memcache. */
export const DEFAULT_OPAQUE_PORTS = [25, 587, 3306, 4444, 5432, 6379, 9300, 11211];
/** Server-speaks-first ports outside that list that Meshlens checks by default: NATS clients and routes. */
export const DEFAULT_SERVER_SPEAKS_FIRST_PORTS = [4222, 6222];
/** Ports proxy-init skips by default (`proxyInit.ignoreInboundPorts`/`ignoreOutboundPorts`): Galera. */
const DEFAULT_SKIPPED_PORTS = '4567,4568';
const OPAQUE_APP_PROTOCOLS = ['linkerd.io/opaque', 'linkerd.io/tcp'];
const OPAQUE = 'config.linkerd.io/opaque-ports';
const SKIP_INBOUND = 'config.linkerd.io/skip-inbound-ports';
const SKIP_OUTBOUND = 'config.linkerd.io/skip-outbound-ports';

type ServicePort = NonNullable<Service['spec']['ports']>[number];

/** Context of the opaque-ports check. */
export interface OpaqueContext {
  services: Service[];
  namespaceAnnotations?: Record<string, string>;
  /** Server-speaks-first ports checked besides Linkerd's default opaque list. */
  ports: number[];
  /** The cluster's default opaque list (`proxy.opaquePorts` in linkerd-config); Linkerd's when absent. */
  defaultOpaquePorts?: number[];
  /** Ports (number or name, or `all`) of Servers with `proxyProtocol: opaque` that select the workload. */
  opaqueServers?: string[];
  /** The workload runs the proxy, or will once restarted. */
  meshed?: boolean;
  linkerdInstalled?: boolean;
}

/** A pod-template setting, else the namespace's (the injector copies it onto the pod). */
function setting(w: Workload, key: string, ns?: Record<string, string>): string | undefined {
  return w.template?.metadata?.annotations?.[key] ?? ns?.[key];
}

function namedContainerPorts(w: Workload): Record<string, number> {
  const ports = (w.template?.spec.containers ?? []).flatMap(c => c.ports ?? []);
  return Object.fromEntries(ports.filter(p => p.name).map(p => [p.name!, p.containerPort]));
}

/**
 * Whether a Service port is opaque to a meshed client: `appProtocol`, else the Service's
 * annotation, else the cluster's default list (`null`: explicit declarations only).
 */
export function serviceOpaquePort(service: Service, port: ServicePort, defaults: number[] | null = DEFAULT_OPAQUE_PORTS): boolean {
  if (port.appProtocol) return OPAQUE_APP_PROTOCOLS.includes(port.appProtocol);
  const value = service.metadata.annotations?.[OPAQUE];
  if (value === undefined) return (defaults ?? []).includes(port.port);
  const named = Object.fromEntries((service.spec.ports ?? []).filter(p => p.name).map(p => [p.name!, p.port]));
  return parsePortList(value, named).has(port.port);
}

/** Whether a Service port leads to the container port `containerPort` (by number or by name). */
function targets(p: ServicePort, containerPort: number, named: Record<string, number>): boolean {
  const target = p.targetPort ?? p.port;
  return typeof target === 'string' ? named[target] === containerPort : target === containerPort;
}

/** Host:port pairs named in the workload's env values (`nats://nats.auto-brand.svc:4222`). */
export function calledEndpoints(w: Workload): Array<{ host: string; port: number; env: string }> {
  const out: Array<{ host: string; port: number; env: string }> = [];
  for (const c of w.template?.spec.containers ?? []) {
    for (const e of c.env ?? []) {
      for (const m of (e.value ?? '').matchAll(/(?:^|[/@,\s])([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?):(\d{2,5})\b/g)) {
        out.push({ host: m[1], port: Number(m[2]), env: e.name });
      }
    }
  }
  return out;
}

/** Where a workload's server-speaks-first ports are not declared opaque. */
export interface OpaqueGaps {
  /** Ports the workload serves without a declaration. */
  served: number[];
  /** The opaque-ports annotation in force (pod template, else namespace); it replaces the defaults. */
  annotation?: string;
  /** The ports the workload's proxy treats as opaque: the annotation's, else Linkerd's defaults. */
  opaque: number[];
  /** Services selecting the workload. */
  services: Service[];
  /** Server-speaks-first endpoints it calls whose Service port is not opaque. */
  calls: Array<{ host: string; port: number; env: string; service?: Service }>;
}

/**
 * The gaps `opaque-ports-required` reports and the runbook fixes. Checked ports: Linkerd's
 * default opaque list plus the configured server-speaks-first ports. A served port is covered
 * by the workload's opaque set (its `config.linkerd.io/opaque-ports`, which replaces the
 * cluster's default list, else that list), by skip-inbound-ports, by a Server with
 * `proxyProtocol: opaque`, or by an explicit declaration on a selecting Service (`appProtocol`,
 * or the Service's annotation). A called Service port is
 * covered when Linkerd treats it as opaque for a meshed client, or the caller skips it outbound.
 */
export function opaqueGaps(w: Workload, ctx: OpaqueContext): OpaqueGaps {
  const checked = new Set([...DEFAULT_OPAQUE_PORTS, ...ctx.ports]);
  const defaults = ctx.defaultOpaquePorts ?? DEFAULT_OPAQUE_PORTS;
  const named = namedContainerPorts(w);
  const annotation = setting(w, OPAQUE, ctx.namespaceAnnotations);
  const opaque = annotation === undefined ? new Set(defaults) : parsePortList(annotation, named);
  const byServer = (port: number) => (ctx.opaqueServers ?? []).some(s => s === 'all' || s === String(port) || named[s] === port);
  const skipIn = parsePortList(setting(w, SKIP_INBOUND, ctx.namespaceAnnotations) ?? DEFAULT_SKIPPED_PORTS);
  const skipOut = parsePortList(setting(w, SKIP_OUTBOUND, ctx.namespaceAnnotations) ?? DEFAULT_SKIPPED_PORTS);
  const services = selectingServices(ctx.services, w.namespace, w.template?.metadata?.labels);
  const declared = (port: number) =>
    services.some(s => (s.spec.ports ?? []).some(p => targets(p, port, named) && serviceOpaquePort(s, p, null)));
  const served = [...new Set((w.template?.spec.containers ?? []).flatMap(c => c.ports ?? []).map(p => p.containerPort))]
    .filter(p => checked.has(p) && !opaque.has(p) && !skipIn.has(p) && !byServer(p) && !declared(p))
    .sort((a, b) => a - b);
  const calls = calledEndpoints(w)
    .filter(c => checked.has(c.port) && !skipOut.has(c.port))
    .map(c => ({ ...c, service: serviceForHost(ctx.services, c.host, w.namespace) }))
    .filter(c => {
      const port = c.service?.spec.ports?.find(p => p.port === c.port);
      // No Service: only the cluster's default list applies (as for an EgressNetwork).
      return c.service && port ? !serviceOpaquePort(c.service, port, defaults) : !defaults.includes(c.port);
    });
  return { served, annotation, opaque: [...opaque].sort((a, b) => a - b), services, calls };
}

/**
 * `opaque-ports-required`: the workload serves, or calls, a server-speaks-first port that is not
 * opaque where it counts (see {@link opaqueGaps}). Without it the proxy waits 10 s for the
 * client to speak first on every connection. On an unmeshed workload of a meshed cluster no
 * proxy is involved yet: the finding is advice (`info`).
 */
export function opaquePortFindings(w: Workload, ctx: OpaqueContext): Finding[] {
  const at = { cluster: w.cluster, namespace: w.namespace, workload: `${w.kind}/${w.name}` };
  const { served, annotation, calls } = opaqueGaps(w, ctx);
  const defaults = ctx.defaultOpaquePorts ?? DEFAULT_OPAQUE_PORTS;
  const advice = ctx.linkerdInstalled === true && ctx.meshed === false;
  const severity = advice ? 'info' as const : 'warning' as const;
  const why = advice ? ' (advice: the workload runs without the proxy today)' : '';
  const out: Finding[] = [];
  if (served.length > 0) {
    const lost = served.filter(p => defaults.includes(p));
    const note = annotation !== undefined && lost.length > 0 ? ` (the opaque-ports annotation "${annotation}" replaces Linkerd's default opaque ports ${defaults.join(',')} and leaves out ${lost.join(', ')})` : '';
    out.push({ ...at, code: 'opaque-ports-required', severity,
      message: `${w.kind} ${w.namespace}/${w.name} serves server-speaks-first port${served.length > 1 ? 's' : ''} ${served.join(', ')} that ${served.length > 1 ? 'are' : 'is'} not declared opaque${note}: set appProtocol: linkerd.io/opaque on the Service port, or connections wait 10 s for protocol detection${why}.` });
  }
  const called = [...new Set(calls.map(c => `${c.host}:${c.port}`))];
  if (called.length > 0) {
    out.push({ ...at, code: 'opaque-ports-required', severity,
      message: `${w.kind} ${w.namespace}/${w.name} calls ${called.join(', ')} (server-speaks-first, from ${[...new Set(calls.map(c => c.env))].join(', ')}) and the Service port is not declared opaque: set appProtocol: linkerd.io/opaque on it${why}.` });
  }
  return out;
}
