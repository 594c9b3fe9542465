// A loopback npm registry that serves only the freshly packed @meshlens tarballs, so the READMEs'
// `yarn add @meshlens/...` lines run unchanged in the new app, as they would once published.
// Every other package still comes from the real registry (Yarn's npmScopes routes only @meshlens here).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalRegistry {
  url: string;
  close(): Promise<void>;
}

/** Serves `tarballs` (paths to `yarn pack` output) as version documents of their package names. */
export async function startLocalRegistry(tarballs: string[]): Promise<LocalRegistry> {
  const packages = new Map<string, { manifest: any; file: string; bytes: Buffer }>();
  for (const file of tarballs) {
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' }));
    packages.set(manifest.name, { manifest, file, bytes: readFileSync(file) });
  }
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
    const tarball = /^(@[^/]+\/[^/]+)\/-\/[^/]+\.tgz$/.exec(path);
    const pkg = packages.get(tarball ? tarball[1] : path);
    if (!pkg) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    if (tarball) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(pkg.bytes);
      return;
    }
    const { name, version } = pkg.manifest;
    const base = `http://${req.headers.host}`;
    const dist = {
      tarball: `${base}/${name}/-/${name.split('/')[1]}-${version}.tgz`,
      shasum: createHash('sha1').update(pkg.bytes).digest('hex'),
      integrity: `sha512-${createHash('sha512').update(pkg.bytes).digest('base64')}`,
    };
    const published = new Date().toISOString();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
      name,
      'dist-tags': { latest: version },
      versions: { [version]: { ...pkg.manifest, dist } },
      time: { created: published, modified: published, [version]: published },
    }));
  });
  await new Promise<void>(ok => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise(ok => server.close(() => ok())) };
}
