import { stripObject } from './stripObject';

describe('stripObject', () => {
  // viz counts only pods without a deletionTimestamp (linkerd2 controller/k8s/api.go
  // isPendingOrRunning), so the stripped cache must keep it.
  it('keeps a terminating pod\'s deletionTimestamp, as ISO 8601', () => {
    const raw = {
      metadata: { name: 'p', namespace: 'shop', deletionTimestamp: new Date('2026-11-20T11:59:50Z'), managedFields: [{}] },
      spec: { containers: [{ name: 'app' }] },
      status: { phase: 'Running', conditions: [{}] },
    };
    const pod = stripObject('Pod', raw) as any;
    expect(pod.metadata.deletionTimestamp).toBe('2026-11-20T11:59:50.000Z');
    expect(pod.status).toEqual({ phase: 'Running' });
    expect(pod.metadata).not.toHaveProperty('managedFields');
  });
});
