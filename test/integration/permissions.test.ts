// The permission framework end to end: the real permission backend with the demo policy
// restricting service-mesh.entity.read denies the guest, while the rest of the portal works.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBackend, type RunningBackend } from '../support/backend.ts';

describe('service-mesh.entity.read denied by a permission policy', () => {
  let backend: RunningBackend;
  before(async () => {
    backend = await startBackend({
      waitForEntities: ['component:default/orchestrator'],
      env: { APP_CONFIG_permission_serviceMesh_readers: JSON.stringify(['group:default/mesh-admins']) },
    });
  });
  after(async () => backend?.stop());

  it('answers 403 on every service-mesh route for a caller without the permission', async () => {
    for (const path of ['entities/component/default/orchestrator', 'entities/component/default/orchestrator/runbook', 'entities', 'clusters', 'groups/default/homelab-ops']) {
      const res = await fetch(`${backend.url}/api/service-mesh/v1/${path}`, { headers: { Authorization: `Bearer ${backend.token}` } });
      assert.equal(res.status, 403, path);
      assert.match(((await res.json()) as any).error.message, /service-mesh\.entity\.read/);
    }
  });

  it('leaves the rest of the portal alone', async () => {
    const res = await fetch(`${backend.url}/api/catalog/entities/by-name/component/default/orchestrator`, { headers: { Authorization: `Bearer ${backend.token}` } });
    assert.equal(res.status, 200);
  });
});
