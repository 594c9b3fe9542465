import { Service } from './kube';

/** Whether a label selector (`matchLabels`, or a Service's `selector`) selects these labels; an empty selector selects nothing. */
export function selectorMatches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  const wanted = Object.entries(selector ?? {});
  return wanted.length > 0 && wanted.every(([k, v]) => labels?.[k] === v);
}

/** The Services of a namespace whose selector selects the given pod labels. */
export function selectingServices(services: Service[], namespace: string, labels: Record<string, string> | undefined): Service[] {
  return services.filter(s => s.metadata.namespace === namespace && selectorMatches(s.spec.selector, labels));
}

/**
 * The Service a `host` names from `namespace` (`nats`, `nats.auto-brand`,
 * `nats.auto-brand.svc[.cluster.local]`), if the cluster has it.
 */
export function serviceForHost(services: Service[], host: string, namespace: string): Service | undefined {
  const [name, ns] = host.split('.');
  const target = ns && ns !== 'svc' ? ns : namespace;
  return services.find(s => s.metadata.name === name && s.metadata.namespace === target);
}
