// The committed demo (examples/homelab, examples/homelab-meshed, examples/org.yaml) is exactly what
// its model generates: regenerates into a temporary directory with the real generator and compares
// every file byte for byte, both ways. homelab-meshed/metrics/ comes from the traffic script
// (examples/traffic/homelab-meshed.ts), not from the model, and is left out; homelab/metrics/
// comes from examples/traffic/homelab.ts, regenerated and compared on its own below.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

const EXAMPLES = resolve(import.meta.dirname, '../../examples');
const SNAPSHOT_DIRS = ['homelab', 'homelab-meshed'];
const NOT_FROM_THE_MODEL = new Set(['homelab-meshed/metrics', 'homelab/metrics']);

/** Relative paths of the files under `root`/`dir`, skipping what the model does not produce. */
function files(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap(
    entry => {
      const path = join(dir, entry.name);
      if (NOT_FROM_THE_MODEL.has(path)) return [];
      return entry.isDirectory() ? files(root, path) : [path];
    },
  );
}

describe('examples: the committed demo matches its model', () => {
  let out: string;
  let summary: string;

  before(() => {
    out = mkdtempSync(join(tmpdir(), 'meshlens-examples-'));
    summary = execFileSync(
      process.execPath,
      [join(EXAMPLES, 'generate.mjs'), out],
      { encoding: 'utf8' },
    );
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it('prints the read-back summary of both snapshots', () => {
    assert.match(summary, /^homelab: \d+ objects$/m);
    assert.match(summary, /^homelab-meshed: \d+ objects$/m);
    assert.match(summary, /auto-brand pods meshed: \d+\/\d+/);
  });

  for (const dir of SNAPSHOT_DIRS) {
    it(`${dir}/ holds the same files, byte for byte`, () => {
      const generated = files(out, dir).sort();
      const committed = files(EXAMPLES, dir).sort();
      assert.ok(generated.length > 0, `nothing generated under ${dir}/`);
      assert.deepEqual(
        committed,
        generated,
        `run \`yarn examples:generate\`: the files under examples/${dir}/ differ from the model's`,
      );
      const differing = generated.filter(
        path =>
          !readFileSync(join(out, path)).equals(
            readFileSync(join(EXAMPLES, path)),
          ),
      );
      assert.deepEqual(
        differing,
        [],
        `run \`yarn examples:generate\`: these committed files differ from the model's output`,
      );
    });
  }

  it('homelab/metrics/prometheus.om is what examples/traffic/homelab.ts writes from the regenerated cluster', () => {
    execFileSync(process.execPath, [join(EXAMPLES, 'traffic/homelab.ts'), out], { encoding: 'utf8' });
    const file = 'homelab/metrics/prometheus.om';
    assert.ok(
      readFileSync(join(out, file)).equals(readFileSync(join(EXAMPLES, file))),
      `run \`yarn examples:generate\`: examples/${file} differs from the script's output`,
    );
  });

  it('org.yaml is the same, byte for byte', () => {
    assert.ok(
      readFileSync(join(out, 'org.yaml')).equals(
        readFileSync(join(EXAMPLES, 'org.yaml')),
      ),
      "run `yarn examples:generate`: examples/org.yaml differs from the model's",
    );
  });
});
