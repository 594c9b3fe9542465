import { gkeClusters } from './gkeClusters';
import { GkeLocatorOptions } from '../../config/kubernetesPluginClusters';

// Rules from backstage/backstage plugins/kubernetes-backend/src/cluster-locator/GkeClusterLocator.ts
// (refreshClusters, getClusterUrl): parent projects/<id>/locations/<region>, every
// matchingResourceLabels pair required, https://<endpoint> or the DNS endpoint with endpointType dns.
describe('gkeClusters', () => {
  const options: GkeLocatorOptions = { key: 'k', projectId: 'p', region: '-', authProvider: 'googleServiceAccount', skipTLSVerify: false, matchingResourceLabels: [{ key: 'mesh', value: 'linkerd' }], endpointType: 'dns' };
  const client = (clusters: any[]) => {
    const calls: string[] = [];
    return { calls, listClusters: async (req: { parent: string }) => { calls.push(req.parent); return [{ clusters }] as [{ clusters: any[] }]; } };
  };

  it('lists the project clusters carrying the labels, at their DNS endpoint when asked', async () => {
    const c = client([
      { name: 'a', endpoint: '34.1.1.1', resourceLabels: { mesh: 'linkerd' }, controlPlaneEndpointsConfig: { dnsEndpointConfig: { endpoint: 'gke-a.goog' } } },
      { name: 'b', endpoint: '34.1.1.2', resourceLabels: { mesh: 'linkerd' } },
      { name: 'c', endpoint: '34.1.1.3', resourceLabels: { mesh: 'istio' } },
      { name: 'd', endpoint: '34.1.1.4' },
    ]);
    const out = await gkeClusters(options, c);
    expect(c.calls).toEqual(['projects/p/locations/-']);
    expect(out.map(x => [x.name, x.url, x.authProvider])).toEqual([
      ['a', 'https://gke-a.goog', 'googleServiceAccount'],
      ['b', 'https://34.1.1.2', 'googleServiceAccount'],
    ]);
  });

  it('names project and region when the API call fails', async () => {
    await expect(gkeClusters(options, { listClusters: async () => { throw new Error('PERMISSION_DENIED'); } }))
      .rejects.toThrow('There was an error retrieving clusters from GKE for projectId=p region=-: PERMISSION_DENIED');
  });
});
