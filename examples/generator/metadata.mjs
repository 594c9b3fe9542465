// Object metadata the way the API server fills it in: uid, resourceVersion, owner references.
import { makeUid } from './ids.mjs';
import { iso, resourceVersion } from './time.mjs';
import { clean, nonEmpty } from './yaml.mjs';

export function metadata({
  name,
  namespace,
  labels,
  annotations,
  created,
  owner,
  uidSeed,
  generation,
  modified,
}) {
  const uid = makeUid(uidSeed ?? `${namespace ?? ''}/${name}@${iso(created)}`);
  return clean({
    annotations: nonEmpty(annotations),
    creationTimestamp: iso(created),
    generation,
    labels: nonEmpty(labels),
    name,
    namespace,
    ownerReferences: owner ? [ownerReference(owner)] : undefined,
    resourceVersion: resourceVersion(modified ?? created, uid),
    uid,
  });
}

export function ownerReference(owner) {
  return {
    apiVersion: owner.apiVersion,
    blockOwnerDeletion: true,
    controller: true,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
  };
}
