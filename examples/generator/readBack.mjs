// Read-back check: parse every written file, check uids, owners and pod IPs, and print what each
// snapshot holds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { AB_NS } from '../model/autoBrand.mjs';
import { SNAPSHOTS } from '../model/snapshots.mjs';
import { KIND_ORDER } from './write.mjs';

function yamlFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap(entry => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return entry.endsWith('.yaml') ? [path] : [];
    });
}

function parseFile(path, outDir) {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'));
  const values = [];
  for (const doc of docs) {
    if (doc.errors.length)
      throw new Error(`${relative(outDir, path)}: ${doc.errors[0].message}`);
    const value = doc.toJS();
    if (value === null || value === undefined) continue;
    if (value.kind === 'List') values.push(...value.items);
    else values.push(value);
  }
  return values;
}

function isMeshed(pod) {
  const containers = [
    ...(pod.spec.containers ?? []),
    ...(pod.spec.initContainers ?? []),
  ];
  return (
    pod.metadata.labels?.['linkerd.io/control-plane-ns'] !== undefined &&
    containers.some(c => c.name === 'linkerd-proxy')
  );
}

export function summarize(outDir) {
  for (const snap of SNAPSHOTS) {
    const dir = join(outDir, snap.dir);
    const objects = yamlFiles(join(dir, 'cluster')).flatMap(p =>
      parseFile(p, outDir),
    );
    const entities = yamlFiles(join(dir, 'catalog')).flatMap(p =>
      parseFile(p, outDir),
    );
    parseFile(join(dir, 'snapshot.yaml'), outDir);
    const counts = {};
    for (const o of objects) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
    const uids = new Set(objects.map(o => o.metadata.uid));
    if (uids.size !== objects.length)
      throw new Error(`${snap.dir}: duplicate uids`);
    const byUid = new Map(objects.map(o => [o.metadata.uid, o]));
    for (const o of objects) {
      for (const r of o.metadata.ownerReferences ?? []) {
        const owner = byUid.get(r.uid);
        if (!owner || owner.kind !== r.kind || owner.metadata.name !== r.name)
          throw new Error(
            `${snap.dir}: dangling owner of ${o.kind} ${o.metadata.name}`,
          );
      }
    }
    const podIps = objects
      .filter(o => o.kind === 'Pod' && !o.spec.hostNetwork)
      .map(o => o.status.podIP);
    if (new Set(podIps).size !== podIps.length)
      throw new Error(`${snap.dir}: duplicate pod IPs`);
    const abPods = objects.filter(
      o => o.kind === 'Pod' && o.metadata.namespace === AB_NS,
    );
    const entityCounts = {};
    for (const e of entities)
      entityCounts[e.kind] = (entityCounts[e.kind] ?? 0) + 1;
    console.log(`${snap.dir}: ${objects.length} objects`);
    for (const kind of KIND_ORDER)
      if (counts[kind]) console.log(`  ${kind.padEnd(12)} ${counts[kind]}`);
    console.log(
      `  auto-brand pods meshed: ${abPods.filter(isMeshed).length}/${
        abPods.length
      }; all pods meshed: ${
        objects.filter(o => o.kind === 'Pod' && isMeshed(o)).length
      }`,
    );
    console.log(
      `  catalog: ${Object.entries(entityCounts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );
  }
  parseFile(join(outDir, 'org.yaml'), outDir);
}
