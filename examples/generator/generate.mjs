// Writes the whole demo under an output directory: both snapshots and org.yaml.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ORG } from '../model/catalog.mjs';
import { CAPTURED_AT, SNAPSHOTS } from '../model/snapshots.mjs';
import { catalogFiles } from './catalog.mjs';
import { buildCluster } from './snapshot.mjs';
import { writeCluster, writeDocs, writeFile } from './write.mjs';
import { toAuthoredYaml } from './yaml.mjs';

/**
 * Deletes and rewrites `<outDir>/<snapshot>/` for each snapshot (so files the model no longer
 * produces disappear), and rewrites `<outDir>/org.yaml`.
 */
export function generate(outDir) {
  for (const snap of SNAPSHOTS) {
    const dir = join(outDir, snap.dir);
    rmSync(dir, { recursive: true, force: true });
    writeFile(
      join(dir, 'snapshot.yaml'),
      toAuthoredYaml({
        capturedAt: CAPTURED_AT,
        description: snap.description,
      }),
    );
    writeCluster(dir, buildCluster(snap.dir, snap.meshed));
    for (const [file, docs] of Object.entries(catalogFiles(snap.catalog)))
      writeDocs(join(dir, 'catalog', file), docs);
  }
  writeDocs(join(outDir, 'org.yaml'), ORG);
}
