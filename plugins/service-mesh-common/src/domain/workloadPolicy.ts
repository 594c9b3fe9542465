import { WorkloadPolicy } from '../api/EntityMeshReport';
import { ContainerPort, CustomObject, PolicyObjects, Service } from './kube';
import { Workload } from './workloads';
import { selectingServices, selectorMatches } from './serviceSelection';

function servesPort(port: unknown, ports: ContainerPort[]): boolean {
  if (port === undefined) return true;
  return ports.some(p => p.containerPort === port || (p.name !== undefined && p.name === port));
}

const inNamespace = (items: CustomObject[], ns: string) => items.filter(o => o.metadata.namespace === ns);
const refName = (ref: any) => `${ref?.kind ?? '?'}/${ref?.name ?? '?'}`;

/**
 * The Linkerd policy objects that apply to a workload: Servers whose pod selector matches its
 * pod template (on a port it serves), AuthorizationPolicies and rate limits targeting those
 * Servers (or the namespace), HTTPRoutes whose parent is one of those Servers or a Service
 * selecting the workload — with retries and timeouts (Linkerd annotations or Gateway API
 * `timeouts`) and weighted backends. Undefined when no policy CRD is served.
 */
export function workloadPolicy(w: Workload, policies: PolicyObjects, services: Service[], served: boolean): WorkloadPolicy | undefined {
  if (!served) return undefined;
  const labels = w.template?.metadata?.labels;
  const ports = (w.template?.spec.containers ?? []).flatMap(c => c.ports ?? []);
  const servers = inNamespace(policies.servers, w.namespace).filter(s => selectorMatches(s.spec?.podSelector?.matchLabels, labels) && servesPort(s.spec?.port, ports));
  const serverNames = new Set(servers.map(s => s.metadata.name));
  const targetsMe = (ref: any) =>
    (ref?.kind === 'Server' && serverNames.has(ref.name)) || (ref?.kind === 'Namespace' && servers.length > 0);
  const myServices = new Set(selectingServices(services, w.namespace, labels).map(s => s.metadata.name));
  const routes = inNamespace(policies.httpRoutes, w.namespace).filter(r =>
    (r.spec?.parentRefs ?? []).some((p: any) => (p.kind === 'Server' && serverNames.has(p.name)) || ((p.kind ?? 'Service') === 'Service' && myServices.has(p.name))),
  );
  return {
    servers: servers.map(s => ({ name: s.metadata.name, port: String(s.spec?.port ?? 'all'), proxyProtocol: s.spec?.proxyProtocol })),
    authorizationPolicies: inNamespace(policies.authorizationPolicies, w.namespace).filter(a => targetsMe(a.spec?.targetRef)).map(a => ({
      name: a.metadata.name,
      target: refName(a.spec?.targetRef),
      authentications: (a.spec?.requiredAuthenticationRefs ?? []).map(refName),
    })),
    httpRoutes: routes.map(r => {
      const a = r.metadata.annotations ?? {};
      const timeouts = (r.spec?.rules ?? []).map((rule: any) => rule.timeouts?.request).filter(Boolean);
      return {
        name: r.metadata.name,
        group: (r.apiVersion ?? '').split('/')[0],
        parent: (r.spec?.parentRefs ?? []).map(refName).join(', '),
        retries: a['retry.linkerd.io/http'] ? `${a['retry.linkerd.io/http']}${a['retry.linkerd.io/limit'] ? ` (limit ${a['retry.linkerd.io/limit']})` : ''}` : undefined,
        timeout: a['timeout.linkerd.io/request'] ?? timeouts[0],
        backends: (r.spec?.rules ?? []).flatMap((rule: any) => rule.backendRefs ?? []).map((b: any) => ({ name: b.name, port: b.port, weight: b.weight ?? 1 })),
      };
    }),
    rateLimits: inNamespace(policies.rateLimits, w.namespace).filter(l => targetsMe(l.spec?.targetRef)).map(l => ({
      name: l.metadata.name,
      server: refName(l.spec?.targetRef),
      total: l.spec?.total?.requestsPerSecond,
      identity: l.spec?.identity?.requestsPerSecond,
    })),
  };
}
