import { Service } from './kube';
import { selectingServices, selectorMatches, serviceForHost } from './serviceSelection';

const svc = (name: string, namespace: string, selector?: Record<string, string>): Service => ({ kind: 'Service', metadata: { name, namespace }, spec: { selector } });
const services = [svc('nats', 'auto-brand', { app: 'nats' }), svc('nats', 'other', { app: 'nats' }), svc('headless', 'auto-brand')];

describe('service selection', () => {
  it('matches selectors; an empty selector selects nothing', () => {
    expect([selectorMatches({ app: 'nats' }, { app: 'nats', x: 'y' }), selectorMatches({ app: 'nats' }, { app: 'web' }), selectorMatches({}, { app: 'nats' }), selectorMatches(undefined, {})]).toEqual([true, false, false, false]);
  });
  it('finds the Services of the namespace that select the pods', () => {
    expect(selectingServices(services, 'auto-brand', { app: 'nats' }).map(s => `${s.metadata.namespace}/${s.metadata.name}`)).toEqual(['auto-brand/nats']);
  });
  it.each([
    ['nats', 'auto-brand/nats'],
    ['nats.other', 'other/nats'],
    ['nats.svc', 'auto-brand/nats'],
    ['nats.other.svc.cluster.local', 'other/nats'],
    ['missing.auto-brand.svc', undefined],
  ])('host %s from auto-brand → %s', (host, want) => {
    const s = serviceForHost(services, host, 'auto-brand');
    expect(s ? `${s.metadata.namespace}/${s.metadata.name}` : undefined).toBe(want);
  });
});
