// The policy controller sets `Accepted` True, or False with `EgressReasonNetworkOverlap` when a
// network overlaps the cluster networks (linkerd2 edge-25.10.7
// policy-controller/k8s/status/src/index.rs `network_condition`, `in_cluster_net_overlap`); spec
// fields from charts/linkerd-crds/templates/policy/egress-network.yaml (trafficPolicy Allow|Deny, networks[].cidr/except).
import { egressNetworks } from './egressNetworks';

const obj = (name: string, spec: any, conditions?: any[]) => ({ apiVersion: 'policy.linkerd.io/v1alpha1', kind: 'EgressNetwork', metadata: { name, namespace: 'linkerd-egress' }, spec, ...(conditions ? { status: { conditions } } : {}) });

describe('egressNetworks', () => {
  it('reads traffic policy, networks and the Accepted condition', () => {
    expect(egressNetworks([
      obj('overlap', { trafficPolicy: 'Allow', networks: [{ cidr: '10.0.0.0/8' }] }, [{ type: 'Accepted', status: 'False', reason: 'EgressReasonNetworkOverlap', message: 'networks overlap with clusterNetworks' }]),
      obj('all', { trafficPolicy: 'Deny', networks: [{ cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }] }, [{ type: 'Accepted', status: 'True', reason: 'Accepted' }]),
      obj('new', { trafficPolicy: 'Allow' }),
    ])).toEqual([
      { namespace: 'linkerd-egress', name: 'all', trafficPolicy: 'Deny', networks: [{ cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }], accepted: true },
      { namespace: 'linkerd-egress', name: 'new', trafficPolicy: 'Allow', networks: [] },
      { namespace: 'linkerd-egress', name: 'overlap', trafficPolicy: 'Allow', networks: [{ cidr: '10.0.0.0/8' }], accepted: false, reason: 'EgressReasonNetworkOverlap: networks overlap with clusterNetworks' },
    ]);
  });
});
