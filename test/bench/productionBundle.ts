// The backend's production build, laid out so it runs inside the repository: what
// `yarn workspace backend build` does (backend compiled to dist/, then a dist workspace of the
// backend and its workspace dependencies, each built and packed with publishConfig applied:
// main = dist/index.cjs.js), called through the same @backstage/cli-module-build functions but
// (1) without rebuilding packages/app (the demo app is packed from its existing dist: rebuilding
// it would rewrite files the browser tests serve) and (2) into test/.artifacts/bench/dist-workspace
// instead of a tarball. node_modules/@meshlens/* there point at the packed plugins; third-party
// packages resolve from the repository's node_modules, i.e. the same lockfile install.
// Run as a script (cwd packages/backend) by ensureBundle(); it prints the workspace directory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { REPO } from '../support/backend.ts';

const MARKER = '.meshlens-bench-built';
const SOURCES = ['packages/backend/src', 'packages/backend/package.json', ...readdirSync(join(REPO, 'plugins')).flatMap(p => [`plugins/${p}/src`, `plugins/${p}/package.json`])];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, e) => Math.max(m, newestMtime(join(path, e))), st.mtimeMs);
}

/** Builds the bundle unless one newer than every backend and plugin source is there. */
export function ensureBundle(dir: string, rebuild = false): { dir: string; built: boolean; seconds: number } {
  const marker = join(dir, MARKER);
  const sources = Math.max(...SOURCES.map(s => newestMtime(join(REPO, s))));
  if (!rebuild && existsSync(marker) && statSync(marker).mtimeMs > sources) return { dir, built: false, seconds: 0 };
  const started = Date.now();
  const res = spawnSync(process.execPath, [import.meta.filename, dir], { cwd: join(REPO, 'packages/backend'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 900_000 });
  if (res.status !== 0) throw new Error(`backend production build failed (${res.status ?? res.signal}):\n${(res.stdout + res.stderr).slice(-4000)}`);
  return { dir, built: true, seconds: (Date.now() - started) / 1000 };
}

async function build(dir: string) {
  const require = createRequire(join(REPO, 'package.json'));
  const lib = join(REPO, 'node_modules/@backstage/cli-module-build/dist/lib');
  const { buildPackage } = require(`${lib}/builder/packager.cjs.js`);
  const { Output } = require(`${lib}/builder/types.cjs.js`);
  const { createDistWorkspace } = require(`${lib}/packager/createDistWorkspace.cjs.js`);
  const { PackageGraph } = require('@backstage/cli-node');
  const backendDir = join(REPO, 'packages/backend');
  const packageJson = JSON.parse(readFileSync(join(backendDir, 'package.json'), 'utf8'));
  await buildPackage({ targetDir: backendDir, packageJson, outputs: new Set([Output.cjs]), workspacePackages: await PackageGraph.listTargetPackages() });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { targets } = await createDistWorkspace([packageJson.name], { targetDir: dir, buildDependencies: true, buildExcludes: [packageJson.name, 'app'] });
  for (const t of targets as Array<{ name: string; dir: string }>) {
    if (t.name === packageJson.name) continue;
    const link = join(dir, 'node_modules', t.name);
    mkdirSync(resolve(link, '..'), { recursive: true });
    symlinkSync(join(dir, t.dir.slice(REPO.length + 1)), link);
  }
  writeFileSync(join(dir, MARKER), new Date().toISOString());
}

if (process.argv[1] === import.meta.filename) {
  build(resolve(process.argv[2])).catch(e => {
    console.error(e);
    process.exit(1);
  });
}
