// Browser end-to-end: the built app served by the real backend, in headless Debian Chromium.
// Signs in as guest, opens an auto-brand component of each demo cluster, opens its Service Mesh
// tab, checks the state and a finding, and saves a screenshot of each; then the Tech Insights
// scorecard on the meshed service's overview and its Service Mesh tab in the dark theme.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { REPO, startBackend, type RunningBackend } from '../support/backend.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';

const SHOTS = resolve(REPO, 'test/.artifacts/screenshots');
const CHECK_NAMES = ['Runs in the mesh', 'Inbound traffic over mTLS', 'No mesh warnings', 'Mesh adoption decided'];
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Approximate lightness (0 black .. 1 white) of a CSS `rgb()`/`rgba()` colour. */
function luminance(cssColor: string): number {
  const [r, g, b] = (cssColor.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

describe('Service Mesh tab in the browser', () => {
  let backend: RunningBackend;
  let browser: Browser;
  let page: Page;

  before(async () => {
    backend = await startBackend({ waitForEntities: ['component:default/orchestrator', 'component:homelab-meshed/experimentation', 'component:homelab-meshed/orchestrator'] });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
    page = await signedInPage(browser, backend.url, { acceptDownloads: true });
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
    await page.getByRole('tab', { name: 'Adoption & runbook' }).click();
    await page.getByText('Mesh adoption').first().waitFor();
    // The founding verdict: auto-brand is the closest system, to prepare, not to mesh yet.
    assert.ok(await page.getByText('Prepare', { exact: true }).first().isVisible());
    assert.ok(await page.getByText(/The closest trigger is observability/).first().isVisible());
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
    // The success rate the API reports, formatted as the tab does (floored to two decimals).
    const res = await fetch(`${backend.url}/api/service-mesh/v1/entities/component/homelab-meshed/orchestrator`, { headers: { Authorization: `Bearer ${backend.token}` } });
    const successRate = ((await res.json()) as { goldenMetrics: { successRate: number } }).goldenMetrics.successRate;
    await page.getByText(`${(Math.floor(successRate * 10000) / 100).toFixed(2)}%`).first().waitFor();
    assert.ok(await page.getByText('p95 latency').first().isVisible());
    // The charts come from a chunk of their own, loaded after the numbers.
    await page.getByRole('img', { name: /^p95 latency from/ }).waitFor();
    // mTLS and crypto sit in the Security section, the runbook in Adoption & runbook.
    await page.getByRole('tab', { name: 'Security' }).click();
    await page.getByText(/Post-quantum key exchange preferred/).first().waitFor();
    assert.ok(await page.getByText(/of [\d,]+ inbound requests over mTLS/).first().isVisible(), 'mTLS coverage');
    await page.getByRole('tab', { name: 'Adoption & runbook' }).click();
    await page.getByText(/\d+ of \d+ steps done/).first().waitFor();
    assert.ok((await page.getByText('done', { exact: true }).count()) >= 5, 'done marks');
    await page.screenshot({ path: join(SHOTS, 'homelab-meshed-orchestrator-service-mesh.png'), fullPage: true });
  });

  it('the Service Mesh page leads with the cluster verdict: homelab not yet, auto-brand the closest system', async () => {
    await page.goto(`${backend.url}/service-mesh`);
    const title = page.getByText('Should homelab adopt a service mesh?', { exact: true });
    await title.waitFor();
    // The card: the innermost element holding both its title and its closest systems.
    const card = page.locator('div').filter({ has: title }).filter({ has: page.getByRole('list', { name: 'Closest systems' }) }).last();
    assert.ok(await card.getByText('Not yet', { exact: true }).first().isVisible());
    assert.ok(await card.getByText(/^Not yet: no trigger fired/).isVisible());
    assert.ok(await card.getByRole('progressbar', { name: 'Observability: share of its bar' }).isVisible());
    assert.ok(await card.getByRole('list', { name: 'Closest systems' }).getByText('auto-brand', { exact: true }).isVisible());
    assert.ok(await card.getByText(/^≈ \d+ MiB .*control plane 300 MiB, \d+ proxies \d+ MiB, Prometheus \d+ MiB\.$/).isVisible());
    // It comes first: above the clusters table.
    const verdictTop = (await title.boundingBox())!.y;
    const tableTop = (await page.getByRole('cell', { name: 'homelab', exact: true }).first().boundingBox())!.y;
    assert.ok(verdictTop < tableTop, `verdict at ${verdictTop}, clusters table at ${tableTop}`);
    await page.screenshot({ path: join(SHOTS, 'service-mesh-page-cluster-verdict.png'), fullPage: true });
  });

  it('the Service Mesh page lists both clusters and the entities', async () => {
    await page.goto(`${backend.url}/service-mesh`);
    await page.getByRole('cell', { name: 'homelab-meshed', exact: true }).first().waitFor();
    assert.ok(await page.getByRole('cell', { name: 'homelab', exact: true }).first().isVisible());
    await page.getByText('Entities (54 of 54)').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'service-mesh-page.png'), fullPage: true });
  });

  it('homelab-meshed: the overview shows the Tech Insights scorecard of orchestrator', async () => {
    await page.goto(`${backend.url}/catalog/homelab-meshed/component/orchestrator`);
    const checks = page.getByRole('list', { name: 'Service mesh checks' });
    const noFacts = page.getByText('No Tech Insights facts yet');
    // The fact retriever first runs ~10 s after the backend started, then every minute.
    const deadline = Date.now() + 120_000;
    try {
      await page.getByText('Service mesh scorecard').first().waitFor();
      for (;;) {
        await checks.or(noFacts).first().waitFor();
        if (await checks.isVisible()) break;
        assert.ok(Date.now() < deadline, 'Tech Insights facts within 2 minutes');
        await sleep(5_000);
        await page.getByRole('button', { name: 'Check again' }).click();
      }
      for (const name of CHECK_NAMES) {
        await checks.getByText(name, { exact: true }).waitFor();
      }
      assert.match((await checks.textContent()) ?? '', /Runs in the mesh: passed/);
      assert.match((await checks.textContent()) ?? '', /No mesh warnings: (passed|failed)/);
      await page.getByText(/\d of 4 checks passed/).waitFor();
    } finally {
      await page.screenshot({ path: join(SHOTS, 'homelab-meshed-orchestrator-scorecard.png'), fullPage: true });
    }
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

  it('homelab-meshed: the Service Mesh tab in the dark theme', async () => {
    // The app keeps the chosen theme in localStorage under `theme` (AppThemeSelector of
    // @backstage/plugin-app). A context of its own, signed in like the first, keeps the others light.
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, storageState: await page.context().storageState() });
    const dark = await context.newPage();
    dark.setDefaultTimeout(30_000);
    await dark.addInitScript(() => window.localStorage.setItem('theme', 'dark'));
    try {
      await dark.goto(`${backend.url}/catalog/homelab-meshed/component/orchestrator/service-mesh`);
      await dark.getByText('Workloads').first().waitFor();
      await dark.getByRole('img', { name: /^p95 latency from/ }).waitFor();
      const background = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.ok(luminance(background) < 0.3, `dark page background, got ${background}`);
    } finally {
      await dark.screenshot({ path: join(SHOTS, 'homelab-meshed-orchestrator-service-mesh-dark.png'), fullPage: true });
      await context.close();
    }
  });
});
