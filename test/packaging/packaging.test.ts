// Packaging: the four packages, built and packed as they would be published, installed into an
// app freshly made by @backstage/create-app, following exactly the `install` blocks of their
// READMEs. Then the new app type-checks, its backend starts and answers (honestly empty with no
// cluster configured; the demo snapshot's orchestrator `meshed` once one is), and its entity page
// shows the Service Mesh tab in headless Chromium.
//
// The app's third-party dependencies are pinned by test/packaging/yarn.lock (create-app's seed
// lockfile cannot be downloaded here). MESHLENS_PACKAGING_REFRESH_LOCKFILE=1 re-resolves them
// (`yarn up '@backstage/*' && yarn dedupe`, as toolchain.md says) and rewrites that file.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import YAML from 'yaml';
import { REPO, startBackend, type RunningBackend } from '../support/backend.ts';
import { checkPackage } from './checkPackage.ts';
import { versionByContent } from './contentVersion.ts';
import { applyInstallStep, readInstallSteps } from './installSteps.ts';
import { startLocalRegistry, type LocalRegistry } from './localRegistry.ts';
import { lockfileProblems, withoutPackages } from './lockfile.ts';

const CREATE_APP = '@backstage/create-app@0.9.2';
const PACKAGES = ['service-mesh-common', 'service-mesh-backend', 'service-mesh', 'tech-insights-backend-module-service-mesh'];
/** READMEs whose install blocks are applied, in the order they tell a reader to follow. */
const INSTALL_ORDER = ['service-mesh-backend', 'service-mesh', 'tech-insights-backend-module-service-mesh'];
const LOCKFILE = resolve(REPO, 'test/packaging/yarn.lock');
/** The ranges `yarn up '@backstage/*'` gave the scaffold's own dependencies, by package.json. */
const TEMPLATE = resolve(REPO, 'test/packaging/template-ranges.json');
const MANIFESTS = ['package.json', 'packages/app/package.json', 'packages/backend/package.json'];
const DEP_FIELDS = ['dependencies', 'devDependencies'];
const SHOTS = resolve(REPO, 'test/.artifacts/screenshots');
const REFRESH = process.env.MESHLENS_PACKAGING_REFRESH_LOCKFILE === '1';
/**
 * The new app's installed node_modules, kept between runs (hard links) for the pinned lockfile:
 * the README's `yarn add` then only re-links the fresh @meshlens packages instead of linking
 * 2 GB and compiling better-sqlite3 again. Keyed by everything that decides its content.
 */
const CACHE_ROOT = resolve(homedir(), '.cache/meshlens/packaging-app');
const NODE_MODULES = ['node_modules', 'packages/app/node_modules', 'packages/backend/node_modules', '.yarn/install-state.gz'];
const ORCHESTRATOR = 'component:homelab-meshed/orchestrator';

const work = mkdtempSync(join(tmpdir(), 'meshlens-packaging-'));
const app = join(work, 'app');
const tarballs = join(work, 'tarballs');
const unpacked = join(work, 'unpacked');
let registry: LocalRegistry | undefined;
/** The version the packed packages carry, named by their content (contentVersion.ts). */
let packedVersion = '';
let backend: RunningBackend | undefined;

/** The environment of every command in the new app: Yarn may write its lockfile (CI would forbid it). */
const env: NodeJS.ProcessEnv = { ...process.env, YARN_ENABLE_IMMUTABLE_INSTALLS: 'false', YARN_ENABLE_TELEMETRY: '0', YARN_ENABLE_PROGRESS_BARS: 'false' };

/**
 * Runs a command without blocking the event loop (the loopback registry answers from this
 * process), with a bounded time; resolves to its output, rejects with its tail.
 */
function run(cmd: string, args: string[], cwd: string, timeoutMs = 40 * 60_000): Promise<string> {
  const started = Date.now();
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', d => { out += d; });
    child.stderr.on('data', d => { out += d; });
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, timeoutMs);
    child.once('error', e => { clearTimeout(timer); fail(e); });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      console.log(`# ${cmd === process.execPath ? 'node' : cmd} ${args.join(' ')} (in ${cwd}): exit ${code ?? signal} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
      if (code === 0) ok(out);
      else fail(new Error(`${args.join(' ')} failed (exit ${code ?? signal}):\n${out.slice(-8000)}`));
    });
  });
}
const repoYarn = (args: string[], cwd = REPO) => run(process.execPath, [resolve(REPO, '.yarn/releases/yarn-4.13.0.cjs'), ...args], cwd);
const appYarn = (args: string[]) => run(process.execPath, [join(app, '.yarn/releases/yarn-4.13.0.cjs'), ...args], app);

async function get(path: string, token: string) {
  const res = await fetch(`${backend!.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200, `${path}: ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as any;
}

function cacheDir(): string {
  const key = createHash('sha256').update(`${CREATE_APP}\n${process.version}\n${readFileSync(LOCKFILE, 'utf8')}`).digest('hex').slice(0, 16);
  return join(CACHE_ROOT, key);
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
/** The scaffold's manifests as create-app wrote them, before any README step. */
let scaffolded: Record<string, any> = {};

/** Sets the scaffold's own dependencies to the pinned ranges (create-app's ranges mix versions without its seed lockfile). */
function applyTemplateRanges() {
  const pinned = readJson(TEMPLATE);
  for (const file of MANIFESTS) {
    const manifest = readJson(join(app, file));
    for (const field of DEP_FIELDS) {
      for (const name of Object.keys(manifest[field] ?? {})) {
        const range = pinned[file]?.[field]?.[name];
        if (!range && REFRESH) continue;
        if (!range) throw new Error(`${file} of ${CREATE_APP} has ${field}.${name}, which test/packaging/template-ranges.json does not pin: refresh it`);
        manifest[field][name] = range;
      }
    }
    writeFileSync(join(app, file), `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

/** After `yarn up`: the new ranges of the scaffold's own dependencies (not those the READMEs added). */
function templateRanges(): Record<string, any> {
  return Object.fromEntries(MANIFESTS.map(file => {
    const now = readJson(join(app, file));
    return [file, Object.fromEntries(DEP_FIELDS.map(field => [field, Object.fromEntries(Object.keys(scaffolded[file][field] ?? {}).map(name => [name, now[field][name]]))]))];
  }));
}

/** Copies (hard links) what exists of NODE_MODULES from one app directory to another. */
function linkTree(from: string, to: string) {
  for (const rel of NODE_MODULES) {
    if (!existsSync(join(from, rel))) continue;
    mkdirSync(join(to, rel, '..'), { recursive: true });
    execFileSync('cp', ['-al', join(from, rel), join(to, rel)]);
  }
}

/** A config file layered over the new app's own: the repository's demo catalog, and `extra`. */
function writeConfig(name: string, extra: object): string {
  const file = join(work, name);
  writeFileSync(file, YAML.stringify({
    catalog: {
      rules: [{ allow: ['Component', 'System', 'API', 'Resource', 'Location', 'Group', 'User'] }],
      locations: [
        { type: 'file', target: join(REPO, 'examples/org.yaml') },
        { type: 'file', target: join(REPO, 'examples/homelab-meshed/catalog/*.yaml') },
      ],
    },
    ...extra,
  }));
  return file;
}

const PACK = 'builds and packs the four packages';
const SCAFFOLD = `scaffolds a new app with ${CREATE_APP}`;
const README_STEPS = 'follows the install blocks of the READMEs';
const INSTALL = 'installs with the third-party versions pinned by test/packaging/yarn.lock';
const FRONTEND = 'builds the frontend of the new app';

/** Steps that passed: a step whose prerequisite failed fails at once (counted as failed, not skipped). */
const passed = new Set<string>();
function step(name: string, needs: string[], fn: () => unknown | Promise<unknown>) {
  it(name, async () => {
    const missing = needs.filter(n => !passed.has(n));
    if (missing.length > 0) throw new Error(`not run: it needs "${missing.join('", "')}", which failed`);
    await fn();
    passed.add(name);
  });
}

describe('Meshlens installed from its packages into a new Backstage app', { concurrency: false }, () => {
  after(async () => {
    await backend?.stop();
    await registry?.close();
    if (process.env.MESHLENS_PACKAGING_KEEP === '1') console.log(`# kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });

  step(PACK, [], async () => {
    mkdirSync(tarballs, { recursive: true });
    // For working on this test only: reuse the tarballs of an earlier run kept with MESHLENS_PACKAGING_KEEP=1.
    const reuse = process.env.MESHLENS_PACKAGING_TARBALLS;
    if (!reuse) await repoYarn(['tsc']);
    for (const p of PACKAGES) {
      const dir = join(REPO, 'plugins', p);
      if (reuse) {
        copyFileSync(join(reuse, `${p}.tgz`), join(tarballs, `${p}.tgz`));
      } else {
        await repoYarn(['backstage-cli', 'package', 'build'], dir);
        await repoYarn(['pack', '--out', join(tarballs, `${p}.tgz`)], dir);
      }
      mkdirSync(join(unpacked, p), { recursive: true });
      execFileSync('tar', ['-xzf', join(tarballs, `${p}.tgz`), '-C', join(unpacked, p)]);
    }
    packedVersion = versionByContent(PACKAGES.map(p => ({ dir: join(unpacked, p, 'package'), tarball: join(tarballs, `${p}.tgz`) })));
    console.log(`# packed as version ${packedVersion}`);
  });

  step('declares every import of the published dist and names files that exist', [PACK], () => {
    const problems = PACKAGES.flatMap(p => checkPackage(join(unpacked, p, 'package')).map(m => `${p}: ${m}`));
    assert.deepEqual(problems, []);
  });

  step(SCAFFOLD, [], async () => {
    env.BACKSTAGE_APP_NAME = 'backstage';
    await run('npx', ['-y', '-p', 'yarn@1', '-p', CREATE_APP, 'backstage-create-app', '--skip-install', '--path', app], work, 5 * 60_000);
    assert.ok(existsSync(join(app, 'packages/backend/src/index.ts')));
    scaffolded = Object.fromEntries(MANIFESTS.map(file => [file, readJson(join(app, file))]));
    // As this repository does: optional native modules whose system libraries this machine lacks.
    const root = readJson(join(app, 'package.json'));
    root.dependenciesMeta = { keytar: { built: false }, 'cpu-features': { built: false } };
    writeFileSync(join(app, 'package.json'), `${JSON.stringify(root, null, 2)}\n`);
    if (existsSync(TEMPLATE)) applyTemplateRanges();
    // Only @meshlens comes from the loopback registry of the packed tarballs; the rest from the usual one.
    registry = await startLocalRegistry(PACKAGES.map(p => join(tarballs, `${p}.tgz`)));
    const yarnrc = YAML.parse(readFileSync(join(app, '.yarnrc.yml'), 'utf8'));
    yarnrc.npmScopes = { meshlens: { npmRegistryServer: registry.url } };
    yarnrc.unsafeHttpWhitelist = ['127.0.0.1'];
    yarnrc.npmPreapprovedPackages = [...(yarnrc.npmPreapprovedPackages ?? []), '@meshlens/*'];
    writeFileSync(join(app, '.yarnrc.yml'), YAML.stringify(yarnrc));
    // Refreshing starts from the pinned versions too; `yarn up '@backstage/*'` then moves them together.
    if (existsSync(LOCKFILE)) copyFileSync(LOCKFILE, join(app, 'yarn.lock'));
    if (!REFRESH && existsSync(cacheDir())) {
      linkTree(cacheDir(), app);
      console.log(`# node_modules from ${cacheDir()}`);
    }
  });

  step(README_STEPS, [PACK, SCAFFOLD], async () => {
    // Yarn keeps registry metadata by host name, without the port: an earlier run's loopback
    // registry (another port, gone) would be asked for the tarball of a version it listed.
    const globalFolder = (await appYarn(['config', 'get', 'globalFolder'])).trim();
    for (const dir of existsSync(join(globalFolder, 'metadata/npm')) ? readdirSync(join(globalFolder, 'metadata/npm')) : []) {
      rmSync(join(globalFolder, 'metadata/npm', dir, '127.0.0.1'), { recursive: true, force: true });
    }
    for (const p of INSTALL_ORDER) {
      const readme = join(unpacked, p, 'package/README.md');
      const steps = readInstallSteps(readme);
      assert.ok(steps.length > 0, `${p}/README.md has no block marked install`);
      for (const step of steps) {
        console.log(`# ${p}/README.md:${step.line} (${step.lang})\n${step.body.replace(/^/gm, '#   ')}`);
        console.log((await applyInstallStep({ ...step, readme: `plugins/${p}/README.md` }, app, env)).split('\n').slice(-4).join('\n'));
      }
    }
  });

  step(INSTALL, [README_STEPS], async () => {
    if (REFRESH) {
      // Lockfile only: the install below links once.
      await appYarn(['up', '@backstage/*', '--mode=update-lockfile']);
      await appYarn(['dedupe', '--mode=update-lockfile']);
      writeFileSync(LOCKFILE, withoutPackages(readFileSync(join(app, 'yarn.lock'), 'utf8'), '@meshlens/'));
      writeFileSync(TEMPLATE, `${JSON.stringify(templateRanges(), null, 2)}\n`);
      console.log(`# wrote ${LOCKFILE} and ${TEMPLATE}`);
    }
    await appYarn(['install']);
    assert.deepEqual(lockfileProblems(readFileSync(LOCKFILE, 'utf8'), readFileSync(join(app, 'yarn.lock'), 'utf8'), '@meshlens/'), []);
    // What the app runs is what was just packed, not an older build of the same name.
    const installed = NODE_MODULES.filter(rel => rel.endsWith('node_modules')).flatMap(rel => {
      const scope = join(app, rel, '@meshlens');
      return existsSync(scope) ? readdirSync(scope).map(name => `${name}@${readJson(join(scope, name, 'package.json')).version}`) : [];
    });
    assert.ok(installed.length >= PACKAGES.length, `installed: ${installed.join(', ')}`);
    assert.deepEqual(installed.filter(i => !i.endsWith(`@${packedVersion}`)), [], `every @meshlens package at ${packedVersion}`);
    if (!existsSync(cacheDir())) {
      // Only one cache is kept: the one of the lockfile pinned now.
      if (existsSync(CACHE_ROOT)) for (const old of readdirSync(CACHE_ROOT)) rmSync(join(CACHE_ROOT, old), { recursive: true, force: true });
      const partial = `${cacheDir()}.partial`;
      rmSync(partial, { recursive: true, force: true });
      linkTree(app, partial);
      renameSync(partial, cacheDir());
      console.log(`# cached node_modules in ${cacheDir()}`);
    }
  });

  step('type-checks the new app', [INSTALL], async () => {
    await appYarn(['tsc']);
  });

  step('with no cluster configured, every route says so and the log names it', [INSTALL], async () => {
    backend = await startBackend({ appDir: app, configs: [join(app, 'app-config.yaml'), writeConfig('none.yaml', {})], waitForEntities: [ORCHESTRATOR] });
    const noClusters = /^No clusters configured/;
    const clusters = await get('/api/service-mesh/v1/clusters', backend.token);
    assert.deepEqual(clusters.clusters, []);
    for (const path of ['/v1/clusters', '/v1/entities', '/v1/entities/component/homelab-meshed/orchestrator', '/v1/groups/default/homelab-ops']) {
      const body = await get(`/api/service-mesh${path}`, backend.token);
      assert.match(body.errors?.[0]?.message ?? '', noClusters, `${path} errors: ${JSON.stringify(body.errors)}`);
    }
    assert.match(backend.logs(), /No clusters configured: add serviceMesh\.clusters/);
    await backend.stop();
    backend = undefined;
  });

  step(FRONTEND, [INSTALL], async () => {
    await appYarn(['workspace', 'app', 'build']);
  });

  step('with the demo snapshot as a cluster, the orchestrator is meshed and its page has the Service Mesh tab', [FRONTEND], async () => {
    const config = writeConfig('snapshot.yaml', {
      serviceMesh: { clusters: [{ name: 'homelab-meshed', source: 'snapshot', path: join(REPO, 'examples/homelab-meshed') }] },
    });
    backend = await startBackend({ appDir: app, configs: [join(app, 'app-config.yaml'), config], waitForEntities: [ORCHESTRATOR] });
    assert.match(backend.logs(), /Serving 1 cluster\(s\): homelab-meshed \(snapshot /);
    const clusters = await get('/api/service-mesh/v1/clusters', backend.token);
    assert.deepEqual([clusters.clusters.map((c: any) => c.name), clusters.errors], [['homelab-meshed'], []]);
    const report = await get('/api/service-mesh/v1/entities/component/homelab-meshed/orchestrator', backend.token);
    assert.equal(report.state, 'meshed', JSON.stringify(report.errors));

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(SHOTS, { recursive: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      page.setDefaultTimeout(60_000);
      const entityPage = `${backend.url}/catalog/homelab-meshed/component/orchestrator`;
      const enter = page.getByRole('button', { name: /enter/i });
      const tab = page.locator('a[href$="/catalog/homelab-meshed/component/orchestrator/service-mesh"]').first();
      // The guest sign-in page first; the entity page once signed in (bounded: three tries).
      for (let attempt = 0; attempt < 3 && !(await tab.isVisible()); attempt++) {
        await page.goto(entityPage);
        await Promise.race([enter.waitFor(), tab.waitFor()].map(p => p.catch(() => undefined)));
        if (await enter.isVisible()) {
          await enter.click();
          await enter.waitFor({ state: 'detached' }).catch(() => undefined);
          await tab.waitFor().catch(() => undefined);
        }
      }
      try {
        await tab.click();
        await page.getByText('Workloads').first().waitFor();
        await page.getByText('meshed', { exact: true }).first().waitFor();
      } finally {
        await page.screenshot({ path: join(SHOTS, 'packaging-new-app-service-mesh-tab.png'), fullPage: true });
      }
    } finally {
      await browser.close();
    }
  });
});
