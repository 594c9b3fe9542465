import { StrippedCache } from './StrippedCache';
import { stripObject } from './stripObject';

/** A fake Watch at the seam: records each watch and lets the test push events and end it. */
function fakeWatch() {
  const calls: Array<{ params: any; push: (t: string, o: any) => void; end: (err: any) => void }> = [];
  return {
    calls,
    watch: {
      watch: async (_path: string, params: any, cb: (t: string, o: any) => void, done: (err: any) => void) => {
        calls.push({ params, push: cb, end: done });
        return new AbortController();
      },
    } as any,
  };
}

const pod = (name: string, rv: string) => ({
  kind: 'Pod',
  metadata: { name, namespace: 'shop', resourceVersion: rv, managedFields: [{ manager: 'kubectl' }], creationTimestamp: new Date('2026-11-20T00:00:00Z') },
  spec: { containers: [{ name: 'app', image: 'a:1', env: [{ name: 'X', value: '1' }, { name: 'Y', valueFrom: {} }], resources: {} }], volumes: [{}] },
  status: { phase: 'Running', conditions: [{}] },
});

describe('StrippedCache', () => {
  it('lists, watches from the list resourceVersion with bookmarks, and applies events stripped', async () => {
    const w = fakeWatch();
    let lists = 0;
    const changed = jest.fn();
    const failed = jest.fn();
    const cache = new StrippedCache(w.watch, '/api/v1/pods', async () => { lists++; return { items: [pod('a', '10')], metadata: { resourceVersion: '10' } }; }, raw => stripObject('Pod', raw), { changed, failed });
    await cache.start();
    expect(w.calls[0].params).toEqual({ resourceVersion: '10', allowWatchBookmarks: true });
    expect(cache.items()).toEqual([{
      apiVersion: undefined, kind: 'Pod',
      metadata: { name: 'a', namespace: 'shop', resourceVersion: '10', creationTimestamp: '2026-11-20T00:00:00.000Z', ownerReferences: undefined },
      spec: { containers: [{ name: 'app', image: 'a:1', ports: undefined, env: [{ name: 'X', value: '1' }] }], initContainers: undefined },
      status: { phase: 'Running' },
    }]);
    w.calls[0].push('ADDED', pod('b', '11'));
    w.calls[0].push('DELETED', pod('a', '12'));
    w.calls[0].push('BOOKMARK', { metadata: { resourceVersion: '15' } });
    expect(cache.items().map(p => p.metadata.name)).toEqual(['b']);
    // The server ends the watch normally: resume from the last resourceVersion, no new list.
    w.calls[0].end(null);
    await new Promise(r => setImmediate(r));
    expect([lists, w.calls[1].params.resourceVersion]).toEqual([1, '15']);
    // 410 Gone: list again.
    w.calls[1].push('ERROR', { code: 410 });
    w.calls[1].end(null);
    await new Promise(r => setImmediate(r));
    expect([lists, w.calls[2].params.resourceVersion]).toEqual([2, '10']);
    // A failure goes to the owner, who decides when to restart.
    w.calls[2].end(new Error('connection reset'));
    expect(failed).toHaveBeenCalledWith(new Error('connection reset'));
    expect(w.calls).toHaveLength(3);
    expect(changed).toHaveBeenCalled();
  });
});
