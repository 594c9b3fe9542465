import { injectionIntent } from './injection';

describe('injectionIntent follows the webhook', () => {
  it.each([
    ['apps', undefined, undefined, 'absent'],
    ['apps', 'enabled', undefined, 'enabled'],
    ['apps', undefined, 'enabled', 'enabled'],
    ['apps', 'disabled', 'enabled', 'disabled'],
    ['apps', undefined, 'ingress', 'ingress'],
    ['apps', 'ingress', 'enabled', 'ingress'],
    ['apps', 'yes', 'enabled', 'invalid'],
    ['apps', undefined, 'on', 'invalid'],
    ['kube-system', 'enabled', undefined, 'absent'],
    ['apps', undefined, 'disabled', 'disabled'],
  ])('ns %s, pod %s, namespace %s → %s', (ns, pod, nsValue, expected) => {
    const a = (v?: string) => (v ? { 'linkerd.io/inject': v } : undefined);
    expect(injectionIntent(ns, a(pod), a(nsValue))).toBe(expected);
  });

  it('never injects where the webhook is switched off by label', () => {
    expect(injectionIntent('apps', { 'linkerd.io/inject': 'enabled' }, undefined, { 'config.linkerd.io/admission-webhooks': 'disabled' })).toBe('absent');
  });
});
