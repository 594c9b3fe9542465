// Browser tests of the views of policy and routes in action, on the homelab-meshed demo
// (examples/model/meshPolicy.mjs, examples/traffic/routesInAction.ts), in headless Chromium:
// - Traffic: zone locality of orchestrator (its share from the metrics API), with the called
//   Services' trafficDistribution; the empty state for video-service, which calls only NATS (TCP);
// - Policy: policy activity of llm-service (video-service's calls denied by the
//   AuthorizationPolicy), the empty state for orchestrator (nothing denied);
// - Policy: the HTTPRoute llm-service in action (retries, timeouts, the 99/1 split with the
//   failure-injection backend named), and the no-route text for orchestrator.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { REPO, startBackend, type RunningBackend } from '../support/backend.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';

const SHOTS = resolve(REPO, 'test/.artifacts/screenshots');
const MESHED = 'homelab-meshed';

describe('policy and routes in action in the browser', () => {
  let backend: RunningBackend;
  let browser: Browser;
  let page: Page;

  async function api(path: string): Promise<any> {
    const res = await fetch(`${backend.url}/api/service-mesh${path}`, { headers: { Authorization: `Bearer ${backend.token}` } });
    assert.equal(res.status, 200, path);
    return res.json();
  }
  async function openSection(name: string, section: string) {
    await page.goto(`${backend.url}/catalog/${MESHED}/component/${name}/service-mesh?tab=${section}`);
    await page.locator(`#service-mesh-tab-${section}[aria-selected="true"]`).waitFor();
  }
  const panel = (section: string) => page.locator(`#service-mesh-panel-${section}`);

  before(async () => {
    backend = await startBackend({ waitForEntities: [`component:${MESHED}/orchestrator`, `component:${MESHED}/llm-service`, `component:${MESHED}/video-service`] });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
    page = await signedInPage(browser, backend.url);
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });

  it('Traffic: zone locality of orchestrator from the metrics, and the empty state of video-service', async () => {
    const metrics = await api(`/v1/entities/component/${MESHED}/orchestrator/metrics?window=1h`);
    const share = `${(Math.floor(metrics.zoneLocality.localShare * 10000) / 100).toFixed(2)}%`;
    await openSection('orchestrator', 'traffic');
    const card = panel('traffic').locator('.MuiCard-root', { hasText: 'Zone locality' });
    await card.getByTestId('zone-local-share').waitFor();
    assert.equal(await card.getByTestId('zone-local-share').textContent(), share);
    const services = card.getByRole('table', { name: 'Topology-aware routing of the called Services' });
    assert.ok(await services.getByText('auto-brand/llm-service', { exact: true }).isVisible());
    console.log(`  orchestrator in-zone share ${share}; called Services: ${metrics.zoneLocality.services.map((s: any) => `${s.name}=${s.trafficDistribution ?? 'not set'}`).join(', ')}`);
    await page.screenshot({ path: join(SHOTS, 'meshed-orchestrator-zone-locality.png'), fullPage: true });

    await openSection('video-service', 'traffic');
    await panel('traffic').getByText('No outbound requests to place in a zone').waitFor();
  });

  it('Policy: llm-service shows video-service denied by the AuthorizationPolicy; orchestrator shows nothing denied', async () => {
    const metrics = await api(`/v1/entities/component/${MESHED}/llm-service/metrics?window=1h`);
    const [w] = metrics.policyActivity;
    assert.ok(w.totals['http-denied'] > 0, JSON.stringify(w.totals));
    await openSection('llm-service', 'policy');
    const card = panel('policy').locator('.MuiCard-root', { hasText: 'Policy in action' });
    const table = card.getByRole('table', { name: `Policy activity of ${w.workload}` });
    await table.waitFor();
    const row = table.getByRole('row', { name: /Denied \(HTTP\)/ });
    assert.ok(await row.getByText('server/llm-service-http', { exact: true }).isVisible());
    assert.ok(await row.getByText('default/default', { exact: true }).isVisible());
    // The client identity is shown short, with the full value on hover.
    assert.ok(await row.locator('[data-full="video-service.auto-brand.serviceaccount.identity.linkerd.cluster.local"]').count() > 0);
    console.log(`  llm-service denied requests over 1h: ${w.totals['http-denied'].toFixed(1)}`);
    await page.screenshot({ path: join(SHOTS, 'meshed-llm-service-policy-in-action.png'), fullPage: true });

    await openSection('orchestrator', 'policy');
    await panel('policy').getByText('Nothing denied, rate-limited or audited').waitFor();
  });

  it('Policy: the HTTPRoute llm-service in action — retries, timeouts, the split next to the weights, the failure-injection backend', async () => {
    const metrics = await api(`/v1/entities/component/${MESHED}/llm-service/metrics?window=1h`);
    const [r] = metrics.routeActivity;
    assert.ok(r.retries.requests > 0 && r.timeouts.REQUEST_TIMEOUT > 0, JSON.stringify(r));
    await openSection('llm-service', 'policy');
    const card = panel('policy').locator('.MuiCard-root', { hasText: 'Routes in action' });
    await card.getByText('HTTPRoute auto-brand/llm-service on Service/llm-service:8001 (auto-brand/Deployment/llm-service): retries 5xx (limit 2), timeout 10s').waitFor();
    const backends = card.getByRole('table', { name: 'Backends of auto-brand/llm-service' });
    const fault = backends.getByRole('row', { name: /llm-service-fault:8001 — failure injection/ });
    assert.ok(await fault.getByText('1 (1.00%)', { exact: true }).isVisible());
    const observed = r.backends.find((b: any) => b.backend === 'Service/llm-service-fault:8001').observedShare;
    assert.ok(await fault.getByText(`${(Math.floor(observed * 10000) / 100).toFixed(2)}%`, { exact: true }).isVisible());
    assert.ok(await card.getByRole('table', { name: 'Inbound requests by route' }).getByText('1 KiB–10 KiB (median frame)').first().isVisible());
    console.log(`  llm-service route: ${Math.round(r.requests)} requests, ${Math.round(r.retries.requests)} retries, ${r.timeouts.REQUEST_TIMEOUT.toFixed(1)} timeouts, fault backend observed ${observed}`);
    await page.screenshot({ path: join(SHOTS, 'meshed-llm-service-routes-in-action.png'), fullPage: true });

    await openSection('orchestrator', 'policy');
    await panel('policy').getByText(/No HTTPRoute of the entity's Services carried requests/).waitFor();
  });
});
