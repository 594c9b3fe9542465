// Writing a snapshot: cluster objects in kubectl's style, one file per namespace; catalog and
// org files in the repository's style.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { clean, sortKeys, toAuthoredYaml, toYaml } from './yaml.mjs';

export const KIND_ORDER = [
  'Namespace',
  'Node',
  'ConfigMap',
  'Service',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'ReplicaSet',
  'Pod',
  'Server',
  'MeshTLSAuthentication',
  'AuthorizationPolicy',
  'HTTPRoute',
];

export function byKindThenName(a, b) {
  const k = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (k !== 0) return k;
  return a.metadata.name < b.metadata.name
    ? -1
    : a.metadata.name > b.metadata.name
    ? 1
    : 0;
}

export function writeFile(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

export function writeCluster(dir, C) {
  const items = [
    ...C.namespaceObjects.sort(byKindThenName),
    ...C.clusterScoped.sort(byKindThenName),
  ];
  for (const obj of items)
    if (obj.kind === 'Secret') throw new Error('no Secrets');
  writeFile(
    join(dir, 'cluster', 'cluster-scoped.yaml'),
    toYaml(
      sortKeys({
        apiVersion: 'v1',
        items: items.map(clean),
        kind: 'List',
        metadata: { resourceVersion: '' },
      }),
    ),
  );
  const names = [...C.namespaced.keys()].sort();
  for (const nsName of names) {
    const objects = C.namespaced.get(nsName).sort(byKindThenName);
    for (const obj of objects)
      if (obj.kind === 'Secret') throw new Error('no Secrets');
    const text = objects.map(o => toYaml(sortKeys(clean(o)))).join('---\n');
    writeFile(join(dir, 'cluster', 'namespaces', `${nsName}.yaml`), text);
  }
}
export function writeDocs(path, docs) {
  writeFile(path, docs.map(d => toAuthoredYaml(d)).join('---\n'));
}
