import { EgressNetworkReport } from '../../api/Egress';
import { CustomObject } from '../kube';

/**
 * The cluster's `EgressNetwork`s (policy.linkerd.io/v1alpha1): traffic policy, networks, and the
 * policy controller's `Accepted` condition — `True` (reason `Accepted`), or `False` with
 * `EgressReasonNetworkOverlap` when a network overlaps the cluster networks (linkerd2 edge-25.10.7
 * `policy-controller/k8s/status/src/index.rs`, `network_condition`). No status yet: unknown.
 */
export function egressNetworks(objects: CustomObject[]): EgressNetworkReport[] {
  return objects.map(o => {
    const spec = o.spec ?? {};
    const accepted = ((o as { status?: { conditions?: any[] } }).status?.conditions ?? []).find(c => c?.type === 'Accepted');
    const report: EgressNetworkReport = {
      namespace: o.metadata.namespace ?? '',
      name: o.metadata.name,
      trafficPolicy: typeof spec.trafficPolicy === 'string' ? spec.trafficPolicy : '',
      networks: (Array.isArray(spec.networks) ? spec.networks : [])
        .filter((n: any) => typeof n?.cidr === 'string')
        .map((n: any) => (Array.isArray(n.except) && n.except.length ? { cidr: n.cidr, except: n.except.map(String) } : { cidr: n.cidr })),
    };
    if (accepted) {
      report.accepted = accepted.status === 'True';
      if (!report.accepted && accepted.reason) report.reason = accepted.message ? `${accepted.reason}: ${accepted.message}` : accepted.reason;
    }
    return report;
  }).sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
}
