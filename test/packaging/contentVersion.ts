// Gives the packed @meshlens packages a version named by their content, so nothing that caches by
// name and version (Yarn's global cache, the new app's cached node_modules) can hand the new app
// an older build of the same `0.1.0`: an unchanged build gets the same version (and may be
// reused), a changed one a new version that must be fetched from the loopback registry.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** sha256 over every file (path and bytes) of the unpacked `package/` folders, in a stable order. */
export function contentHash(packageDirs: string[]): string {
  const hash = createHash('sha256');
  for (const dir of packageDirs) {
    for (const file of filesUnder(dir).sort()) {
      hash.update(`${relative(dir, file)}\n`).update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * Sets `<version>-pack.<hash>` in each unpacked `package/package.json` (the @meshlens ranges
 * between them pinned to it) and writes each folder back as its tarball. Returns the version.
 */
export function versionByContent(packages: Array<{ dir: string; tarball: string }>): string {
  const hash = contentHash(packages.map(p => p.dir));
  const manifests = packages.map(p => JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8')));
  const version = `${manifests[0].version}-pack.${hash}`;
  packages.forEach((p, i) => {
    const manifest = manifests[i];
    manifest.version = version;
    for (const field of DEPENDENCY_FIELDS) {
      for (const name of Object.keys(manifest[field] ?? {})) {
        if (name.startsWith('@meshlens/')) manifest[field][name] = version;
      }
    }
    writeFileSync(join(p.dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    execFileSync('tar', ['-czf', p.tarball, '-C', join(p.dir, '..'), 'package']);
  });
  return version;
}
