import { createMockDirectory } from '@backstage/backend-test-utils';
import { readSnapshot } from './readSnapshot';
import { SNAPSHOT_FILES } from '../../__testUtils__/snapshotFiles';

describe('readSnapshot', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  it('reads objects from multi-document YAML and Lists, the catalog and capturedAt', async () => {
    dir.setContent(SNAPSHOT_FILES);
    const s = await readSnapshot(dir.path, 'test', 'linkerd');
    const o = s.cluster.objects;
    expect([o.namespaces.length, o.deployments.length, o.replicaSets.length, o.pods.length, o.configMaps.length]).toEqual([2, 2, 1, 3, 1]);
    expect(s.catalog.map(e => e.metadata.name)).toEqual(['cart']);
    expect(s.capturedAt?.toISOString()).toBe('2026-11-20T12:00:00.000Z');
    expect(s.errors).toEqual([]);
  });

  it('names malformed files and documents with their line, and keeps the rest', async () => {
    dir.setContent({
      ...SNAPSHOT_FILES,
      'cluster/broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\n',
      'cluster/mixed.yml': [
        'apiVersion: v1\nkind: Service\nmetadata: {name: ok, namespace: shop}\nspec: {}',
        'just a string',
        'apiVersion: v1\nkind: Pod\nmetadata: {name: nospec, namespace: shop}',
        'apiVersion: v1\nkind: Secret\nmetadata: {name: token, namespace: shop}\ndata: {t: eA==}',
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-settings, namespace: shop}',
      ].join('\n---\n'),
      'catalog/bad.yaml': 'kind: Component\n',
    });
    const s = await readSnapshot(dir.path, 'test', 'linkerd');
    expect(s.errors.map(e => `${e.source} ${e.message.replace(/:.*$/, '')}`)).toEqual([
      'snapshot:cluster/broken.yaml line 4',
      'snapshot:cluster/mixed.yml line 5',
      'snapshot:cluster/mixed.yml line 7',
      'snapshot:catalog/bad.yaml line 1',
      'test 1 Secret(s) ignored',
    ].map(x => x.replace('test 1', 'snapshot:test 1')));
    expect(s.cluster.objects.services.map(x => x.metadata.name)).toEqual(['ok']);
    expect(s.cluster.objects.configMaps.map(x => x.metadata.name)).toEqual(['linkerd-config']);
    expect(s.cluster.objects.pods).toHaveLength(3);
  });

  it('fails for a missing directory', async () => {
    await expect(readSnapshot(`${dir.path}/nope`, 'test', 'linkerd')).rejects.toThrow(/does not exist/);
  });
});
