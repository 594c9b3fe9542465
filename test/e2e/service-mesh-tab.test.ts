// Browser end-to-end: the built app served by the real backend, in headless Debian Chromium.
// Signs in as guest, opens an auto-brand component of each demo cluster, opens its Service Mesh
// tab, checks the state and a finding, and saves a screenshot of each.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO, startBackend, type RunningBackend } from '../support/backend.ts';

const SHOTS = resolve(REPO, 'test/.artifacts/screenshots');

describe('Service Mesh tab in the browser', () => {
  let backend: RunningBackend;
  let browser: Browser;
  let page: Page;

  before(async () => {
    backend = await startBackend({ waitForEntities: ['component:default/orchestrator', 'component:homelab-meshed/experimentation', 'component:homelab-meshed/orchestrator'] });
    // playwright-core starts Chromium with a fresh temporary profile of its own.
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page.setDefaultTimeout(30_000);
    mkdirSync(SHOTS, { recursive: true });
    await page.goto(backend.url);
    await page.getByRole('button', { name: /enter/i }).click();
    await page.getByText(/homelab|catalog/i).first().waitFor();
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });

  async function openTab(namespace: string, name: string) {
    await page.goto(`${backend.url}/catalog/${namespace}/component/${name}`);
    try {
      // The entity page's tab (the sidebar has a Service Mesh item too).
      await page.locator(`a[href$="/catalog/${namespace}/component/${name}/service-mesh"]`).first().click();
      await page.getByText('Workloads').first().waitFor();
    } catch (e) {
      await page.screenshot({ path: join(SHOTS, `failed-${namespace}-${name}.png`), fullPage: true });
      throw e;
    }
  }

  it('homelab: orchestrator is unmeshed, Linkerd not installed', async () => {
    await openTab('default', 'orchestrator');
    await page.getByText('linkerd-not-installed').first().waitFor();
    assert.ok(await page.getByText('unmeshed', { exact: true }).first().isVisible());
    assert.ok(await page.getByText('0/2').first().isVisible());
    // Adoption: the recommendation with its evidence, and the runbook with the NATS step.
    await page.getByText('Mesh adoption').first().waitFor();
    assert.ok(await page.getByText('Adopt now').first().isVisible());
    await page.getByText('Adoption runbook').first().waitFor();
    await page.getByText(/Declare the server-speaks-first Service ports orchestrator calls opaque/).first().click();
    await page.getByText(/patch service nats/).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'homelab-orchestrator-service-mesh.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /download markdown/i }).click()]);
    assert.equal(download.suggestedFilename(), 'orchestrator-runbook.md');
    const file = join(SHOTS, '..', 'orchestrator-runbook.md');
    await download.saveAs(file);
    assert.match(readFileSync(file, 'utf8'), /^# Linkerd adoption runbook: component:default\/orchestrator/);
  });

  it('homelab-meshed: experimentation waits for a restart', async () => {
    await openTab('homelab-meshed', 'experimentation');
    await page.getByText('injection-pending-restart').first().waitFor();
    assert.ok(await page.getByText('unmeshed', { exact: true }).first().isVisible());
    await page.screenshot({ path: join(SHOTS, 'homelab-meshed-experimentation-service-mesh.png'), fullPage: true });
  });

  it('homelab-meshed: orchestrator is meshed, with mTLS, golden metrics, post-quantum and a runbook with done marks', async () => {
    await openTab('homelab-meshed', 'orchestrator');
    await page.getByText('meshed', { exact: true }).first().waitFor();
    assert.ok(await page.getByText('2/2').first().isVisible());
    await page.getByText(/Post-quantum key exchange preferred/).first().waitFor();
    await page.getByText('99.50%').first().waitFor();
    assert.ok(await page.getByText(/of [\d,]+ inbound requests over mTLS/).first().isVisible(), 'mTLS coverage');
    assert.ok(await page.getByText('p95 latency').first().isVisible());
    assert.ok(await page.getByText(/\d+ of \d+ steps done/).first().isVisible(), 'runbook progress');
    assert.ok((await page.getByText('done', { exact: true }).count()) >= 5, 'done marks');
    await page.screenshot({ path: join(SHOTS, 'homelab-meshed-orchestrator-service-mesh.png'), fullPage: true });
  });

  it('the Service Mesh page lists both clusters and the entities', async () => {
    await page.goto(`${backend.url}/service-mesh`);
    await page.getByRole('cell', { name: 'homelab-meshed', exact: true }).first().waitFor();
    assert.ok(await page.getByRole('cell', { name: 'homelab', exact: true }).first().isVisible());
    await page.getByText('Entities (54 of 54)').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'service-mesh-page.png'), fullPage: true });
  });

  it("the team's group page card lists its entities", async () => {
    await page.goto(`${backend.url}/catalog/default/group/homelab-ops`);
    try {
      await page.getByText(/mesh coverage/i).first().waitFor();
      // The worst success rate links to its entity; the owned entities are listed, 54 in all.
      await page.getByRole('link', { name: 'homelab-meshed/llm-service' }).first().waitFor();
      await page.getByText(/1-20 of 54/).first().waitFor({ state: 'attached' });
    } finally {
      await page.screenshot({ path: join(SHOTS, 'group-homelab-ops.png'), fullPage: true });
    }
  });
});
