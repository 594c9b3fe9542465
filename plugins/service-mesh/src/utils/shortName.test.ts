import { shortName } from './shortName';

// Linkerd identities are `<serviceaccount>.<namespace>.serviceaccount.identity.<control-plane-ns>.<trust-domain>`
// (linkerd2 pkg/identity and the proxy's `l5d-client-id`); the short form keeps `<sa>.<ns>`.
describe('shortName', () => {
  it('shortens a workload to its name', () => {
    expect(shortName('auto-brand/Deployment/orchestrator')).toBe(
      'orchestrator',
    );
  });

  it('shortens a Linkerd identity to service account and namespace', () => {
    expect(
      shortName(
        'web-ui.auto-brand.serviceaccount.identity.linkerd.cluster.local',
      ),
    ).toBe('web-ui.auto-brand');
  });

  it('leaves anything else as it is', () => {
    expect(shortName('nats')).toBe('nats');
    expect(shortName('a/b')).toBe('a/b');
  });
});
