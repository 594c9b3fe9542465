import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult, createPermission } from '@backstage/plugin-permission-common';
import { DecisionCache } from './DecisionCache';

const basic = createPermission({ name: 'test.basic', attributes: {} });
const resource = createPermission({ name: 'test.read', attributes: { action: 'read' }, resourceType: 'thing' });

/** A permission service that records each authorize call and answers from `decide`. */
function recorder(decide: (q: any) => AuthorizeResult | Error = () => AuthorizeResult.ALLOW) {
  const calls: any[][] = [];
  const gates: Array<() => void> = [];
  let hold = false;
  return {
    calls,
    holdNext() { hold = true; },
    release() { gates.splice(0).forEach(g => g()); },
    service: {
      async authorize(queries: any[]) {
        calls.push(queries);
        if (hold) {
          hold = false;
          await new Promise<void>(ok => gates.push(ok));
        }
        return queries.map(q => {
          const r = decide(q);
          if (r instanceof Error) throw r;
          return { result: r };
        });
      },
      async authorizeConditional(queries: any[]) {
        calls.push(queries.map(q => ({ ...q, conditional: true })));
        return queries.map(q => {
          const r = decide(q);
          if (r instanceof Error) throw r;
          return { result: r };
        });
      },
    },
  };
}

describe('DecisionCache', () => {
  const caller = (token?: string) => ({ token, credentials: mockCredentials.user() });
  let now = 0;
  const clock = () => now;
  beforeEach(() => { now = 0; });

  it('asks every miss of one call in a single authorize, then answers from the cache within the TTL', async () => {
    const p = recorder(q => (q.resourceRef === 'component:default/b' ? AuthorizeResult.DENY : AuthorizeResult.ALLOW));
    const cache = new DecisionCache(p.service as any, 5000, 100, clock);
    const queries = [{ permission: basic }, { permission: resource, resourceRef: 'component:default/a' }, { permission: resource, resourceRef: 'component:default/b' }];
    expect(await cache.authorize(caller('t1'), queries)).toEqual([AuthorizeResult.ALLOW, AuthorizeResult.ALLOW, AuthorizeResult.DENY]);
    expect(p.calls).toHaveLength(1);
    expect(p.calls[0]).toHaveLength(3);
    now = 4999;
    // DENY is cached as well as ALLOW.
    expect(await cache.authorize(caller('t1'), queries)).toEqual([AuthorizeResult.ALLOW, AuthorizeResult.ALLOW, AuthorizeResult.DENY]);
    expect(p.calls).toHaveLength(1);
    // Only the uncached query goes out.
    await cache.authorize(caller('t1'), [{ permission: basic }, { permission: resource, resourceRef: 'component:default/c' }]);
    expect(p.calls).toHaveLength(2);
    expect(p.calls[1]).toEqual([{ permission: resource, resourceRef: 'component:default/c' }]);
  });

  it('asks again after the TTL, so a revoked permission is seen within it', async () => {
    let result: AuthorizeResult = AuthorizeResult.ALLOW;
    const p = recorder(() => result);
    const cache = new DecisionCache(p.service as any, 5000, 100, clock);
    expect(await cache.authorize(caller('t1'), [{ permission: basic }])).toEqual([AuthorizeResult.ALLOW]);
    result = AuthorizeResult.DENY;
    now = 4000;
    expect(await cache.authorize(caller('t1'), [{ permission: basic }])).toEqual([AuthorizeResult.ALLOW]);
    now = 5001;
    expect(await cache.authorize(caller('t1'), [{ permission: basic }])).toEqual([AuthorizeResult.DENY]);
    expect(p.calls).toHaveLength(2);
  });

  it('keys decisions by token: another token is asked separately; no token is never cached', async () => {
    const p = recorder();
    const cache = new DecisionCache(p.service as any, 5000, 100, clock);
    await cache.authorize(caller('t1'), [{ permission: basic }]);
    await cache.authorize(caller('t2'), [{ permission: basic }]);
    await cache.authorize(caller(undefined), [{ permission: basic }]);
    await cache.authorize(caller(undefined), [{ permission: basic }]);
    expect(p.calls).toHaveLength(4);
    expect(cache.size).toBe(2);
  });

  it('coalesces calls in flight', async () => {
    const p = recorder();
    const cache = new DecisionCache(p.service as any, 5000, 100, clock);
    p.holdNext();
    const first = cache.authorize(caller('t1'), [{ permission: basic }, { permission: resource, resourceRef: 'x:y/z' }]);
    const second = cache.authorize(caller('t1'), [{ permission: resource, resourceRef: 'x:y/z' }]);
    await new Promise(r => setImmediate(r));
    p.release();
    expect(await first).toEqual([AuthorizeResult.ALLOW, AuthorizeResult.ALLOW]);
    expect(await second).toEqual([AuthorizeResult.ALLOW]);
    expect(p.calls).toHaveLength(1);
  });

  it('never caches an error', async () => {
    let fail = true;
    const p = recorder(() => (fail ? new Error('permission backend down') : AuthorizeResult.ALLOW));
    const cache = new DecisionCache(p.service as any, 5000, 100, clock);
    await expect(cache.authorize(caller('t1'), [{ permission: basic }])).rejects.toThrow('permission backend down');
    fail = false;
    expect(await cache.authorize(caller('t1'), [{ permission: basic }])).toEqual([AuthorizeResult.ALLOW]);
    expect(p.calls).toHaveLength(2);
  });

  it('holds at most maxEntries, dropping the oldest first', async () => {
    const p = recorder();
    const cache = new DecisionCache(p.service as any, 5000, 10, clock);
    for (let i = 0; i < 25; i++) await cache.authorize(caller('t1'), [{ permission: resource, resourceRef: `c:d/e${i}` }]);
    expect(cache.size).toBeLessThanOrEqual(10);
    await cache.authorize(caller('t1'), [{ permission: resource, resourceRef: 'c:d/e24' }]);
    expect(p.calls).toHaveLength(25);
    await cache.authorize(caller('t1'), [{ permission: resource, resourceRef: 'c:d/e0' }]);
    expect(p.calls).toHaveLength(26);
  });

  it('caches the policy decision without a resource apart from per-resource decisions, CONDITIONAL included', async () => {
    const p = recorder(q => (q.resourceRef ? AuthorizeResult.ALLOW : AuthorizeResult.CONDITIONAL));
    const cache = new DecisionCache(p.service as any, 5000, 100, clock);
    expect(await cache.policy(caller('t1'), [basic, resource])).toEqual([AuthorizeResult.CONDITIONAL, AuthorizeResult.CONDITIONAL]);
    expect(p.calls).toEqual([[{ permission: basic, conditional: true }, { permission: resource, conditional: true }]]);
    expect(await cache.policy(caller('t1'), [resource])).toEqual([AuthorizeResult.CONDITIONAL]);
    expect(await cache.authorize(caller('t1'), [{ permission: resource, resourceRef: 'c:d/e' }])).toEqual([AuthorizeResult.ALLOW]);
    expect(p.calls).toHaveLength(2);
  });
});
