import type { TriggerId } from '@meshlens/plugin-service-mesh-common';
import { triggerName } from './triggerName';

describe('triggerName', () => {
  it('names every trigger and passes unknown ids through', () => {
    expect(triggerName('scale')).toBe('Scale');
    expect(triggerName('multi-team')).toBe('Multi-team');
    expect(triggerName('compliance')).toBe('Compliance');
    expect(triggerName('canary')).toBe('Canary releases');
    expect(triggerName('observability')).toBe('Observability');
    expect(triggerName('latency' as TriggerId)).toBe('latency');
  });
});
