// Browser end-to-end (issue 17, egress and tracing): the built app served by the real backend on
// the demo snapshots, headless Debian Chromium. llm-service's Egress table in the Traffic section
// (the LLM provider reached through auto-brand's Deny EgressNetwork, the error-reporting SDK
// refused), its empty state for a service that calls nothing outside, the proxies' trace export in
// the Proxies section, and the Service Mesh page's tracing and EgressNetworks card. Figures are
// compared with the metrics API, not written down here.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { REPO, startBackend, type RunningBackend } from '../support/backend.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';

const SHOTS = resolve(REPO, 'test/.artifacts/screenshots');
const COLLECTOR = 'otel-collector.monitoring.svc.cluster.local:4317';

describe('egress and tracing in the browser', () => {
  let backend: RunningBackend;
  let browser: Browser;
  let page: Page;

  before(async () => {
    backend = await startBackend({ waitForEntities: ['component:homelab-meshed/llm-service', 'component:homelab-meshed/orchestrator'] });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
    page = await signedInPage(browser, backend.url);
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });

  const openSection = async (name: string, section: string) => {
    await page.goto(`${backend.url}/catalog/homelab-meshed/component/${name}/service-mesh?tab=${section}`);
    await page.getByText('Service mesh verdict').first().waitFor();
    await page.locator(`#service-mesh-tab-${section}[aria-selected="true"]`).waitFor();
  };

  it('llm-service: the LLM provider through the Deny EgressNetwork, and the refused SDK with its finding', async () => {
    const res = await fetch(`${backend.url}/api/service-mesh/v1/entities/component/homelab-meshed/llm-service/metrics?window=1h`, { headers: { Authorization: `Bearer ${backend.token}` } });
    const { egress } = (await res.json()) as any;
    const provider = egress.destinations.find((d: any) => d.host === 'api.anthropic.com');
    const blocked = egress.destinations.find((d: any) => d.denied > 0);
    console.log(`  api egress: ${JSON.stringify(egress.destinations.map((d: any) => [d.host, d.rps, d.successRate, d.denied]))}`);
    assert.ok(provider && blocked, JSON.stringify(egress));
    await openSection('llm-service', 'traffic');
    const region = page.getByRole('region', { name: 'Egress' });
    try {
      await region.getByRole('table', { name: 'External destinations' }).waitFor();
      await region.scrollIntoViewIfNeeded();
    } finally {
      await page.screenshot({ path: join(SHOTS, 'homelab-meshed-llm-service-egress.png'), fullPage: true });
    }
    const cells = async (host: string) => region.getByRole('row').filter({ hasText: `${host}:443` }).locator('td').allTextContents();
    assert.deepEqual(await cells('api.anthropic.com'), [
      'llm-service', 'api.anthropic.com:443', 'auto-brand/external (Deny)', 'TLS (by SNI)',
      `${provider.rps.toFixed(2)} conn/s`, `${(provider.successRate * 100).toFixed(1)} %`, '—',
    ]);
    const row = await cells(blocked.host);
    assert.equal(row[2], 'auto-brand/external (Deny)');
    assert.equal(row[6], String(blocked.denied));
    const findings = region.getByRole('list', { name: 'Egress findings' });
    assert.ok(await findings.getByText(new RegExp(`^Warning: auto-brand/Deployment/llm-service had ${blocked.denied} connections to ${blocked.host.replace(/\./g, '\\.')}:443 refused`)).isVisible());
  });

  it('orchestrator: the Egress empty state', async () => {
    await openSection('orchestrator', 'traffic');
    await page.getByRole('region', { name: 'Egress' }).getByText('Nothing left the mesh in the last 1h: no outbound route metrics with an EgressNetwork or egress-fallback parent.').waitFor();
  });

  it('llm-service: its proxies export traces to the collector, as the cluster configures', async () => {
    await openSection('llm-service', 'proxies');
    const table = page.getByRole('table', { name: 'Proxies' });
    await table.waitFor();
    const headers = await table.getByRole('columnheader').allTextContents();
    const row = table.getByRole('row').filter({ hasText: 'llm-service' });
    const traces = row.locator('td').nth(headers.indexOf('Traces'));
    assert.equal(await traces.textContent(), 'yes');
    assert.equal(await traces.locator('span').getAttribute('title'), `→ ${COLLECTOR}`);
    await page.getByText(new RegExp(`^OpenTelemetry tracing in homelab-meshed: proxies → ${COLLECTOR.replace(/\./g, '\\.')} \\(\\d+/\\d+ proxies carry it\\); control plane → `)).waitFor();
  });

  it('the Service Mesh page: tracing per cluster and the EgressNetworks', async () => {
    await page.goto(`${backend.url}/service-mesh`);
    const tracing = page.getByRole('table', { name: 'Tracing' });
    await tracing.waitFor();
    try {
      await tracing.scrollIntoViewIfNeeded();
    } finally {
      await page.screenshot({ path: join(SHOTS, 'service-mesh-page-tracing-egress.png'), fullPage: true });
    }
    const rows = new Map((await tracing.locator('tbody tr').evaluateAll(trs => trs.map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent ?? '')))).map(([c, t]) => [c, t]));
    assert.equal(rows.get('homelab'), 'Linkerd not installed');
    assert.match(rows.get('homelab-meshed') ?? '', new RegExp(`^proxies → ${COLLECTOR.replace(/\./g, '\\.')}`));
    const networks = page.getByRole('table', { name: 'EgressNetworks' });
    assert.deepEqual(await networks.getByRole('row').filter({ hasText: 'auto-brand/external' }).locator('td').allTextContents(), [
      'homelab-meshed', 'auto-brand/external', 'Deny', '0.0.0.0/0 except 10.0.0.0/8, 100.64.0.0/10, 172.16.0.0/12, 192.168.0.0/16', 'accepted',
    ]);
  });
});
