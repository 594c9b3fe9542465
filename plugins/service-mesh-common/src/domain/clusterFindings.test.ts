import { certificateFinding, clusterFindings } from './clusterFindings';
import { ControlPlane } from './controlPlane';

const NOW = new Date('2026-11-20T12:00:00Z');
const day = (n: number) => new Date(NOW.getTime() + n * 86400_000);
const cp = (ready: number[]): ControlPlane => ({
  namespace: 'linkerd', installed: true, version: 'edge-25.10.7', webhookPresent: true,
  deployments: ready.map((r, i) => ({ name: `linkerd-${['destination', 'identity', 'proxy-injector'][i]}`, desired: 1, ready: r })),
});

describe('certificate-expiring (60-day window of linkerd check)', () => {
  it.each([
    [59, 'warning'],
    [1, 'warning'],
    [-1, 'error'],
  ])('%s days left → %s', (days, severity) => {
    expect(certificateFinding('c', 'trust anchor', day(days + 0.5), NOW)).toMatchObject({ code: 'certificate-expiring', severity, cluster: 'c' });
  });
  it('60 days left is not yet a finding (near miss)', () => {
    expect(certificateFinding('c', 'trust anchor', day(60.5), NOW)).toBeUndefined();
  });
  it('is raised per trust anchor from the cluster findings', () => {
    const anchors = [{ subject: 'CN=old', notAfter: day(10).toISOString() }, { subject: 'CN=new', notAfter: day(300).toISOString() }];
    expect(clusterFindings('c', cp([1, 1, 1]), NOW, anchors).map(f => f.message)).toEqual([expect.stringContaining('"CN=old" expires on 2026-11-30 (in 10 days')]);
  });
});

describe('control-plane-unhealthy', () => {
  it('names the deployments that are not ready', () => {
    const [f] = clusterFindings('c', cp([1, 0, 1]), NOW);
    expect(f).toMatchObject({ code: 'control-plane-unhealthy', severity: 'error', namespace: 'linkerd' });
    expect(f.message).toContain('linkerd-identity 0/1');
  });
  it('is silent when every deployment is ready (near miss: more ready than desired)', () => {
    expect(clusterFindings('c', { ...cp([1, 1, 2]) }, NOW)).toEqual([]);
  });
  it('only says linkerd-not-installed without a control plane', () => {
    expect(clusterFindings('c', { namespace: 'linkerd', installed: false, deployments: [], webhookPresent: false }, NOW).map(f => f.code)).toEqual(['linkerd-not-installed']);
  });
});
