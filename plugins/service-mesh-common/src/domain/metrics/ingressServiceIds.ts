import { Service } from '../kube';

/**
 * The `service` label values Traefik gives a Service's ports in `traefik_service_requests_total`:
 * its Kubernetes Ingress provider names a backend `<namespace>-<service>-<port name or number>`
 * and qualifies it with the provider, `@kubernetes`.
 */
export function ingressServiceIds(s: Service): string[] {
  return (s.spec.ports ?? []).flatMap(p =>
    [p.name, String(p.port)].filter(Boolean).map(port => `${s.metadata.namespace}-${s.metadata.name}-${port}@kubernetes`),
  );
}
