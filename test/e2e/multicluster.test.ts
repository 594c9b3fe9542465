// Browser end-to-end for multi-cluster and mesh expansion on the homelab-meshed demo (the built
// app served by the real backend, headless Debian Chromium): the Multi-cluster card of the Service
// Mesh page (the Link to cloud-vps, its probe state and latency from the recorded gateway metrics),
// publisher's cross-cluster calls in its Traffic section, video-service's ExternalWorkload in its
// Proxies section; each view's empty state on the homelab demo (no Link, no mirror, no ExternalWorkload).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { REPO, startBackend, type RunningBackend } from '../support/backend.ts';
import { launchChromium, signedInPage } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';

const SHOTS = resolve(REPO, 'test/.artifacts/screenshots');
const MESHED = 'homelab-meshed';

describe('multi-cluster and mesh expansion in the browser', () => {
  let backend: RunningBackend;
  let browser: Browser;
  let page: Page;

  const api = async (path: string) => {
    const res = await fetch(`${backend.url}/api/service-mesh/v1/${path}`, { headers: { Authorization: `Bearer ${backend.token}` } });
    assert.equal(res.status, 200);
    return (await res.json()) as any;
  };
  const openSection = async (namespace: string, name: string, section: string) => {
    await page.goto(`${backend.url}/catalog/${namespace}/component/${name}/service-mesh?tab=${section}`);
    await page.locator(`#service-mesh-tab-${section}[aria-selected="true"]`).waitFor();
    return page.locator(`#service-mesh-panel-${section}`);
  };
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  before(async () => {
    backend = await startBackend({ waitForEntities: [`component:${MESHED}/publisher`, `component:${MESHED}/video-service`, 'component:default/publisher'] });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
    page = await signedInPage(browser, backend.url);
  });
  after(async () => {
    await browser?.close();
    await backend?.stop();
  });

  it('Service Mesh page: the Link to cloud-vps with its probe state and latency, and the mirrored Service', async () => {
    const { clusters } = await api('clusters');
    const link = clusters.find((c: any) => c.name === MESHED).multicluster.links[0];
    console.log(`  ${MESHED} Link: ${JSON.stringify([link.name, link.probeState, link.probeLatencyMs, link.probeLatencyP95Ms])}`);
    await page.goto(`${backend.url}/service-mesh`);
    const links = page.getByRole('table', { name: 'Links' });
    try {
      const row = links.getByRole('row').filter({ hasText: 'linkerd-multicluster/cloud-vps' });
      await row.getByTestId('gateway-probe-state').filter({ hasText: 'alive' }).waitFor();
      await row.getByText(`${link.probeLatencyMs} ms`, { exact: false }).waitFor();
      await page.getByRole('table', { name: 'Mirrored Services' }).getByText('auto-brand/public-site in cloud-vps').waitFor();
      await links.scrollIntoViewIfNeeded();
    } finally {
      await shot('service-mesh-page-multicluster');
    }
  });

  it('publisher: its calls to public-site in cloud-vps drawn to the linked cluster and marked cross-cluster in the Traffic section', async () => {
    const metrics = await api(`entities/component/${MESHED}/publisher/metrics?window=1h`);
    const [edge] = metrics.crossClusterEdges;
    assert.deepEqual([edge.mirrorService, edge.targetCluster, edge.tlsShare], ['auto-brand/public-site-cloud-vps', 'cloud-vps', 1]);
    const panel = await openSection(MESHED, 'publisher', 'traffic');
    const table = panel.getByRole('table', { name: 'Cross-cluster calls' });
    try {
      // The graph draws the call to the Service in the linked cluster, in the mTLS colour.
      const drawn = panel.locator(`[data-testid="traffic-graph"] path[data-edge$="-> cloud-vps/auto-brand/Service/public-site"]`);
      await drawn.waitFor();
      assert.equal(await drawn.getAttribute('data-security'), 'mtls');
      assert.equal(await panel.locator('[data-testid="traffic-graph"] g[data-node="cloud-vps/auto-brand/Service/public-site"]').getAttribute('data-remote'), 'true');
      const row = table.getByRole('row').filter({ hasText: 'auto-brand/public-site-cloud-vps' });
      await row.getByText('cross-cluster').waitFor();
      await row.getByText('auto-brand/public-site in cloud-vps').waitFor();
      await row.getByText(edge.rps.toFixed(2), { exact: true }).waitFor();
      await table.scrollIntoViewIfNeeded();
    } finally {
      await shot('homelab-meshed-publisher-cross-cluster');
    }
  });

  it('video-service: the GPU workstation\'s ExternalWorkload listed with the pods in Proxies, ready, with its identity', async () => {
    const report = await api(`entities/component/${MESHED}/video-service`);
    const ew = report.workloads.find((w: any) => w.kind === 'ExternalWorkload');
    assert.deepEqual([ew.name, ew.external.ready], ['video-encoder-gpu', true]);
    const panel = await openSection(MESHED, 'video-service', 'proxies');
    try {
      await panel.getByRole('table', { name: 'Proxies' }).getByText('auto-brand/Deployment/video-service', { exact: false }).waitFor();
      const row = panel.getByRole('table', { name: 'ExternalWorkloads' }).getByRole('row').filter({ hasText: 'video-encoder-gpu' });
      await row.getByText(ew.external.identity).waitFor();
      await row.getByText('ready', { exact: true }).waitFor();
    } finally {
      await shot('homelab-meshed-video-service-external-workload');
    }
  });

  it('axe-core finds no serious or critical violation in the new views', async () => {
    const failures: string[] = [];
    const check = async (name: string) => {
      for (const v of await seriousViolations(page)) failures.push(`${name}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.join('\n    ')}`);
    };
    await page.goto(`${backend.url}/service-mesh`);
    await page.getByRole('table', { name: 'Links' }).waitFor();
    await page.waitForLoadState('networkidle');
    await check('Service Mesh page');
    await (await openSection(MESHED, 'publisher', 'traffic')).getByRole('table', { name: 'Cross-cluster calls' }).waitFor();
    await check('publisher traffic');
    await (await openSection(MESHED, 'video-service', 'proxies')).getByRole('table', { name: 'ExternalWorkloads' }).waitFor();
    await check('video-service proxies');
    assert.deepEqual(failures, []);
  });

  it('empty states on homelab: no cross-cluster call, nothing exported, no ExternalWorkload', async () => {
    const traffic = await openSection('default', 'publisher', 'traffic');
    await traffic.getByText('No calls to mirrored Services (Services of a linked cluster) in the last 1h.').waitFor();
    await traffic.getByText(/None of the entity's Services is exported/).waitFor();
    const proxies = await openSection('default', 'publisher', 'proxies');
    await proxies.getByText(/No ExternalWorkload \(workload\.linkerd\.io\) matches this entity/).waitFor();
  });
});
