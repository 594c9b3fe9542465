import { toClusterObjects } from '../snapshot/toClusterObjects';
import { stripExternalWorkload } from './stripExternalWorkload';

describe('ExternalWorkloads and Links from the API and from snapshots', () => {
  it('keeps an ExternalWorkload\'s spec and its status conditions (readiness), drops managedFields', () => {
    const stripped = stripExternalWorkload({
      apiVersion: 'workload.linkerd.io/v1beta1', kind: 'ExternalWorkload',
      metadata: { name: 'vm', namespace: 'shop', labels: { app: 'vm' }, managedFields: [{ manager: 'kubectl' }] },
      spec: { meshTLS: { identity: 'vm.shop.serviceaccount.identity.linkerd.cluster.local', serverName: 'vm.cluster.local' }, workloadIPs: [{ ip: '192.168.1.50' }] },
      status: { conditions: [{ type: 'Ready', status: 'True', reason: 'Ready', message: 'ok', lastTransitionTime: '2026-11-20T12:00:00Z', lastProbeTime: '2026-11-20T12:00:00Z' }] },
    });
    expect(stripped.metadata).toEqual({ name: 'vm', namespace: 'shop', labels: { app: 'vm' }, creationTimestamp: undefined });
    expect(stripped.spec.meshTLS.identity).toBe('vm.shop.serviceaccount.identity.linkerd.cluster.local');
    expect(stripped.status.conditions).toEqual([{ type: 'Ready', status: 'True', reason: 'Ready', message: 'ok', lastTransitionTime: '2026-11-20T12:00:00Z' }]);
  });

  it('sorts snapshot Links and ExternalWorkloads by group and kind', () => {
    const { objects, ignored } = toClusterObjects([
      { apiVersion: 'multicluster.linkerd.io/v1alpha3', kind: 'Link', metadata: { name: 'cloud-vps', namespace: 'linkerd-multicluster' } },
      { apiVersion: 'workload.linkerd.io/v1beta1', kind: 'ExternalWorkload', metadata: { name: 'vm', namespace: 'shop' } },
      { apiVersion: 'example.com/v1', kind: 'Link', metadata: { name: 'other' } },
    ], 'linkerd');
    expect([objects.links?.map(l => l.metadata.name), objects.externalWorkloads?.map(e => e.metadata.name), ignored]).toEqual([['cloud-vps'], ['vm'], { Link: 1 }]);
  });
});
