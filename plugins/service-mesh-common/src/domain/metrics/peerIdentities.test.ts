// Conformance (issue 13, item 3): the Callers table shows the client's identity. `linkerd viz edges`
// derives CLIENT_ID from the source pod: the proxy's LINKERD2_PROXY_IDENTITY_LOCAL_NAME with
// `$(_pod_sa).$(_pod_ns)` filled in (linkerd2 edge-25.10.7 `pkg/k8s/k8s.go` `PodIdentity`, used by
// `viz/metrics-api/edges.go`). The pod is Linkerd's own injector golden file.
import { analyzeCluster } from '../clusterMesh';
import { clusterFromManifests, readManifest } from '../__testUtils__/manifestCluster';
import { peerIdentities, podIdentity } from './peerIdentities';

describe('peerIdentities', () => {
  const docs = readManifest('emojivoto_pod.golden.yaml');

  it('fills in the proxy env the way PodIdentity does', () => {
    const pod = { ...docs[0], spec: { ...docs[0].spec, serviceAccountName: 'vote-bot' } };
    expect(podIdentity(pod, 'linkerd')).toBe('vote-bot.emojivoto.serviceaccount.identity.linkerd.cluster.local');
  });

  it('names a meshed peer workload by its client identity, and no unmeshed one', () => {
    const mesh = analyzeCluster(clusterFromManifests(docs, { linkerdVersion: 'edge-25.10.7' }), new Date(0));
    const ids = peerIdentities(mesh, ['emojivoto/Pod/vote-bot', 'emojivoto/Deployment/unknown']);
    expect([...ids]).toEqual([['emojivoto/Pod/vote-bot', 'default.emojivoto.serviceaccount.identity.linkerd.cluster.local']]);
  });
});
