import { Finding } from '../api/EntityMeshReport';
import { Service } from './kube';
import { Workload } from './workloads';
import { selectingServices, serviceForHost } from './serviceSelection';

/** Linkerd's default opaque ports (2.19): SMTP, MySQL, Galera SST, PostgreSQL, Redis, ES, Memcache. */
export const DEFAULT_OPAQUE_PORTS = [25, 587, 3306, 4444, 5432, 6379, 9300, 11211];
/** Server-speaks-first ports outside that list that Meshlens checks by default: NATS. */
export const DEFAULT_SERVER_SPEAKS_FIRST_PORTS = [4222, 6222, 8222];
const OPAQUE_APP_PROTOCOLS = ['linkerd.io/opaque', 'linkerd.io/tcp'];
const OPAQUE_ANNOTATION = 'config.linkerd.io/opaque-ports';

/** Ports of a `config.linkerd.io/opaque-ports` value (`25,587,4222-4223`). */
export function parsePortList(value: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const part of (value ?? '').split(',').map(p => p.trim()).filter(Boolean)) {
    const [a, b] = part.split('-').map(Number);
    for (let p = a; Number.isInteger(p) && p <= (b || a) && p - a < 65536; p++) out.add(p);
  }
  return out;
}

/** Whether the Service declares the port (or target port) opaque. */
export function opaqueOnService(service: Service | undefined, port: number): boolean {
  return (service?.spec.ports ?? []).some(
    p => (p.port === port || p.targetPort === port) && OPAQUE_APP_PROTOCOLS.includes(p.appProtocol ?? ''),
  );
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
  /** The opaque-ports annotation in force, and whether it keeps Linkerd's defaults. */
  annotation?: string;
  keepsDefaults: boolean;
  /** Services selecting the workload. */
  services: Service[];
  /** Server-speaks-first endpoints it calls whose Service port is not declared opaque. */
  calls: Array<{ host: string; port: number; env: string; service?: Service }>;
}

/**
 * The gaps `opaque-ports-required` reports and the runbook fixes: served server-speaks-first
 * ports outside Linkerd's default opaque list that no Service port (`appProtocol:
 * linkerd.io/opaque`) and no defaults-keeping `config.linkerd.io/opaque-ports` value declares,
 * and called ones whose Service port is not declared.
 */
export function opaqueGaps(
  w: Workload,
  ctx: { services: Service[]; namespaceAnnotations?: Record<string, string>; ports: number[] },
): OpaqueGaps {
  const annotation = w.template?.metadata?.annotations?.[OPAQUE_ANNOTATION] ?? ctx.namespaceAnnotations?.[OPAQUE_ANNOTATION];
  const annotated = parsePortList(annotation);
  const keepsDefaults = DEFAULT_OPAQUE_PORTS.every(p => annotated.has(p));
  const services = selectingServices(ctx.services, w.namespace, w.template?.metadata?.labels);
  const served = [...new Set((w.template?.spec.containers ?? []).flatMap(c => c.ports ?? []).map(p => p.containerPort))]
    .filter(p => ctx.ports.includes(p) && !services.some(s => opaqueOnService(s, p)) && !(annotated.has(p) && keepsDefaults))
    .sort((a, b) => a - b);
  const calls = calledEndpoints(w)
    .filter(c => ctx.ports.includes(c.port))
    .map(c => ({ ...c, service: serviceForHost(ctx.services, c.host, w.namespace) }))
    .filter(c => !opaqueOnService(c.service, c.port));
  return { served, annotation, keepsDefaults, services, calls };
}

/**
 * `opaque-ports-required`: the workload serves, or calls, a server-speaks-first port that is not
 * declared opaque (see {@link opaqueGaps}). Without it the proxy waits 10 s for the client to
 * speak first on every connection.
 */
export function opaquePortFindings(
  w: Workload,
  ctx: { services: Service[]; namespaceAnnotations?: Record<string, string>; ports: number[] },
): Finding[] {
  const at = { cluster: w.cluster, namespace: w.namespace, workload: `${w.kind}/${w.name}` };
  const { served, annotation, keepsDefaults, calls } = opaqueGaps(w, ctx);
  const out: Finding[] = [];
  if (served.length > 0) {
    const note = annotation && !keepsDefaults ? ` (the opaque-ports annotation "${annotation}" replaces Linkerd's defaults ${DEFAULT_OPAQUE_PORTS.join(',')} instead of adding to them)` : '';
    out.push({ ...at, code: 'opaque-ports-required', severity: 'warning',
      message: `${w.kind} ${w.namespace}/${w.name} serves server-speaks-first port${served.length > 1 ? 's' : ''} ${served.join(', ')} that ${served.length > 1 ? 'are' : 'is'} not declared opaque${note}: set appProtocol: linkerd.io/opaque on the Service port, or connections wait 10 s for protocol detection.` });
  }
  const targets = [...new Set(calls.map(c => `${c.host}:${c.port}`))];
  if (targets.length > 0) {
    out.push({ ...at, code: 'opaque-ports-required', severity: 'warning',
      message: `${w.kind} ${w.namespace}/${w.name} calls ${targets.join(', ')} (server-speaks-first, from ${[...new Set(calls.map(c => c.env))].join(', ')}) and the Service port is not declared opaque: set appProtocol: linkerd.io/opaque on it.` });
  }
  return out;
}
