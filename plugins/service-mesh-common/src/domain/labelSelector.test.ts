import { matchesLabels, parseLabelSelector } from './labelSelector';

describe('parseLabelSelector / matchesLabels', () => {
  const labels = { app: 'web', tier: 'front', 'backstage.io/kubernetes-id': 'web' };
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app=web,tier=front', true],
    ['app=web,tier=back', false],
    ['tier in (front, back)', true],
    ['tier notin (front)', false],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['missing!=x', true],
    ['backstage.io/kubernetes-id=web', true],
  ])('%s → %s', (selector, expected) => {
    expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(expected);
  });

  it.each(['', 'a=b=c', 'app in (x', 'bad key=1', 'app=}{', `x=${'a'.repeat(64)}`])(
    'rejects %p with a message',
    selector => {
      expect(() => parseLabelSelector(selector)).toThrow(/label|parse|selector/);
    },
  );

  it('ignores empty terms between commas', () => {
    expect(parseLabelSelector('a=b,,')).toHaveLength(1);
  });
});
