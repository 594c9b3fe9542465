// Browser end-to-end: the generated authorization policy in the Service Mesh tab of a meshed
// demo service (the built app served by the real backend, headless Debian Chromium): the callers
// with their identity, the YAML, and its download as a file `kubectl apply -f` takes.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { REPO, startBackend, type RunningBackend } from '../support/backend.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';

const SHOTS = resolve(REPO, 'test/.artifacts/screenshots');

describe('generated authorization policy in the browser', () => {
  let backend: RunningBackend;
  let browser: Browser;
  let page: Page;

  before(async () => {
    backend = await startBackend({ waitForEntities: ['component:homelab-meshed/llm-service', 'component:homelab-meshed/orchestrator'] });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
    page = await signedInPage(browser, backend.url, { acceptDownloads: true });
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });

  it('homelab-meshed: llm-service offers its policy, with orchestrator as caller, to download', async () => {
    await page.goto(`${backend.url}/catalog/homelab-meshed/component/llm-service`);
    await page.locator('a[href$="/catalog/homelab-meshed/component/llm-service/service-mesh"]').first().click();
    const region = page.getByRole('region', { name: 'Generated policy for auto-brand/llm-service' });
    try {
      // The tab may group its sections into sub-tabs: open the policy one when there is one.
      await page.getByText('Workloads').first().waitFor();
      const policyTab = page.getByRole('tab', { name: /polic/i });
      if (await policyTab.count()) await policyTab.first().click();
      await region.waitFor();
      await region.getByText('orchestrator.auto-brand', { exact: true }).waitFor();
      await region.getByText('kind: Server').first().waitFor();
      await region.scrollIntoViewIfNeeded();
    } finally {
      await page.screenshot({ path: join(SHOTS, 'homelab-meshed-llm-service-generated-policy.png'), fullPage: true });
    }
    const [download] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'Download llm-service-policy.yaml' }).click()]);
    assert.equal(download.suggestedFilename(), 'llm-service-policy.yaml');
    const file = join(SHOTS, '..', 'llm-service-policy.yaml');
    await download.saveAs(file);
    const docs = parseAllDocuments(readFileSync(file, 'utf8')).map(d => d.toJS()).filter(Boolean);
    const count = (kind: string) => docs.filter((d: any) => d.kind === kind).length;
    assert.equal(count('MeshTLSAuthentication'), 1);
    assert.ok(count('Server') >= 1 && count('AuthorizationPolicy') === count('Server'), JSON.stringify(docs.map((d: any) => d.kind)));
    assert.ok(docs.filter((d: any) => d.kind === 'Server').every((d: any) => d.spec.accessPolicy === 'audit'));
    assert.deepEqual(docs.find((d: any) => d.kind === 'MeshTLSAuthentication').spec.identities, ['orchestrator.auto-brand.serviceaccount.identity.linkerd.cluster.local']);
  });
});
