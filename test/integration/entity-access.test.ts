// Entity access end to end (issue 15): the real backend with the demo permission policy driven
// by a policy file. Entity routes find the entity in the plugin's catalog snapshot and ask the
// permission backend about catalog.entity.read for it (cached per token for a few seconds); an
// entity registered after the snapshot is read from the catalog with the caller's credentials.
// A denied and an owners-only ("conditional") catalog policy must hide entities on both paths,
// and a revoked permission must take effect within the decision cache's TTL.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { guestToken, startBackend, type RunningBackend } from '../support/backend.ts';

/** DECISION_TTL_MS of plugins/service-mesh-backend/src/services/access/DecisionCache.ts, stated in the README. */
const DECISION_TTL_MS = 5_000;
/** Polling step and request time on a loaded machine, on top of the TTL. */
const REVOCATION_SLACK_MS = 2_000;

const component = (name: string, owner: string) => ({
  apiVersion: 'backstage.io/v1alpha1', kind: 'Component',
  metadata: { name, annotations: { 'backstage.io/kubernetes-id': name } },
  spec: { type: 'service', lifecycle: 'production', owner },
});
const OWNED = 'group:default/homelab-ops';
const OTHER = 'group:default/other-team';

describe('entity access: catalog snapshot + cached permission decisions', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'meshlens-access-'));
  const policyFile = join(dir, 'policy.json');
  const lateFile = join(dir, 'late.yaml');
  const writeCatalog = (entities: object[]) => writeFileSync(lateFile, entities.map(e => JSON.stringify(e)).join('\n---\n'));
  const setPolicy = (catalogEntityRead: 'allow' | 'deny' | 'owners') => writeFileSync(policyFile, JSON.stringify({ catalogEntityRead }));
  let backend: RunningBackend;

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${backend.url}/api/service-mesh/v1/${path}`, { headers: { Authorization: `Bearer ${backend.token}`, ...headers } });
    return { status: res.status, headers: res.headers, body: res.status === 304 ? undefined : ((await res.json()) as any) };
  };
  /** Polls until `path` answers `status`; the time it took (bounded). */
  const until = async (path: string, status: number, timeoutMs: number) => {
    const started = Date.now();
    for (;;) {
      const res = await get(path);
      if (res.status === status) return Date.now() - started;
      if (Date.now() - started > timeoutMs) throw new Error(`${path}: still ${res.status} after ${timeoutMs} ms: ${JSON.stringify(res.body).slice(0, 300)}`);
      await new Promise(r => setTimeout(r, 200));
    }
  };

  before(async () => {
    setPolicy('allow');
    writeCatalog([component('early-other', OTHER)]);
    const locations = ['../../catalog-info.yaml', '../../examples/org.yaml', '../../examples/homelab/catalog/*.yaml', '../../examples/homelab-meshed/catalog/*.yaml', lateFile]
      .map(target => ({ type: 'file', target }));
    backend = await startBackend({
      waitForEntities: ['component:default/orchestrator', 'component:default/early-other', 'user:default/operator'],
      env: {
        APP_CONFIG_permission_policyFile: policyFile,
        APP_CONFIG_catalog_locations: JSON.stringify(locations),
        // A snapshot that cannot refresh during the test: entities registered later take the catalog path.
        APP_CONFIG_serviceMesh_catalogSnapshot_refreshSeconds: '600',
        // The guest signs in as the operator, a member of group:default/homelab-ops.
        APP_CONFIG_auth_providers_guest: JSON.stringify({ userEntityRef: 'user:default/operator' }),
      },
    });
  });
  // A token issued before the catalog held the operator carries no group ownership: sign in again.
  before(async () => {
    backend.token = await guestToken(backend.url);
  });
  after(async () => {
    await backend?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers an entity registered after the snapshot from the catalog, before the next snapshot', async () => {
    assert.equal((await get('entities/component/default/orchestrator')).status, 200);
    writeCatalog([component('early-other', OTHER), component('late-owned', OWNED), component('late-other', OTHER)]);
    const auth = { Authorization: `Bearer ${backend.token}`, 'Content-Type': 'application/json' };
    const locations = (await (await fetch(`${backend.url}/api/catalog/entities/by-query?filter=kind=location`, { headers: auth })).json()) as any;
    const location = locations.items.find((l: any) => JSON.stringify(l.spec).includes('late.yaml'));
    assert.ok(location, 'the location entity of late.yaml');
    const refresh = await fetch(`${backend.url}/api/catalog/refresh`, { method: 'POST', headers: auth, body: JSON.stringify({ entityRef: `location:default/${location.metadata.name}` }) });
    assert.ok(refresh.ok, `refresh: ${refresh.status}`);
    for (const name of ['late-owned', 'late-other']) {
      const deadline = Date.now() + 60_000;
      while ((await fetch(`${backend.url}/api/catalog/entities/by-name/component/default/${name}`, { headers: auth })).status !== 200) {
        assert.ok(Date.now() < deadline, `${name} never reached the catalog`);
        await new Promise(r => setTimeout(r, 250));
      }
    }
    const late = await get('entities/component/default/late-owned');
    assert.equal(late.status, 200, JSON.stringify(late.body));
    assert.equal(late.body.entityRef, 'component:default/late-owned');
    // The list comes from the snapshot, which was taken before the registration.
    const list = (await get('entities')).body.entities.map((e: any) => e.entityRef);
    assert.ok(list.includes('component:default/early-other'));
    assert.ok(!list.includes('component:default/late-owned'), 'late-owned is not in the snapshot yet');
  });

  it('answers 304 for an unchanged report', async () => {
    const first = await get('entities/component/default/orchestrator');
    const etag = first.headers.get('etag');
    assert.ok(etag, 'an ETag');
    const again = await get('entities/component/default/orchestrator', { 'If-None-Match': etag! });
    assert.equal(again.status, 304, `${etag} ${first.body.generatedAt} -> ${again.headers.get('etag')} ${again.body?.generatedAt}`);
  });

  it('hides every entity once catalog.entity.read is revoked, within the stated delay, on both paths', async t => {
    // Warm the cache with ALLOW decisions first.
    for (const name of ['orchestrator', 'early-other']) assert.equal((await get(`entities/component/default/${name}`)).status, 200);
    setPolicy('deny');
    const elapsed = await until('entities/component/default/orchestrator', 404, DECISION_TTL_MS + REVOCATION_SLACK_MS);
    t.diagnostic(`revocation took effect after ${elapsed} ms (decision TTL ${DECISION_TTL_MS} ms)`);
    const hidden = await get('entities/component/default/early-other');
    assert.equal(hidden.status, 404, 'snapshot path');
    assert.match(hidden.body.error.message, /No entity component:default\/early-other \(or you may not see it\)/);
    assert.equal((await get('entities/component/default/late-owned')).status, 404, 'catalog path');
    assert.equal((await get('entities/component/default/late-owned/metrics')).status, 404, 'catalog path, metrics');
    assert.deepEqual((await get('entities')).body.entities, []);
    assert.equal((await get('groups/default/homelab-ops')).status, 404);
  });

  it('applies an owners-only (conditional) catalog policy on both paths', async () => {
    setPolicy('owners');
    await until('entities/component/default/orchestrator', 200, DECISION_TTL_MS + REVOCATION_SLACK_MS);
    assert.equal((await get('entities/component/default/early-other')).status, 404, 'snapshot path, not an owner');
    assert.equal((await get('entities/component/default/late-other')).status, 404, 'catalog path, not an owner');
    assert.equal((await get('entities/component/default/late-owned')).status, 200, 'catalog path, owner');
    const list = (await get('entities')).body.entities.map((e: any) => e.entityRef);
    assert.ok(list.includes('component:default/orchestrator'));
    assert.ok(!list.includes('component:default/early-other'), 'the list leaves out what the caller does not own');
    // The group itself has no owner: under owners-only the catalog hides it too.
    assert.equal((await get('groups/default/homelab-ops')).status, 404);
    const catalogGroup = await fetch(`${backend.url}/api/catalog/entities/by-name/group/default/homelab-ops`, { headers: { Authorization: `Bearer ${backend.token}` } });
    assert.equal(catalogGroup.status, 404);
  });
});
