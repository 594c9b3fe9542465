// A pod from a template, as the controller creates it and the kubelet reports it; Linkerd's
// injector applied at admission when the pod is meshed.
import { LINKERD_VERSION } from '../model/linkerd.mjs';
import { hashInt, makeUid } from './ids.mjs';
import { inject } from './inject.mjs';
import { metadata } from './metadata.mjs';
import { AMD64_AGENTS, NODE_BY_NAME } from './nodes.mjs';
import { podOnlySpec } from './podSpec.mjs';
import { podStatus } from './podStatus.mjs';
import { iso } from './time.mjs';

/**
 * A pod from a template. `mesh` (optional) = { ownerKind, ownerName } injects the Linkerd proxy
 * the way the proxy-injector webhook does at admission.
 */
export function makePod(
  C,
  {
    namespace,
    name,
    owner,
    template,
    nodeName,
    created,
    daemonSet,
    extraLabels,
    phase = 'Running',
    finishedAt,
    mesh,
    uidSalt = '',
  },
) {
  let labels = { ...template.metadata.labels, ...extraLabels };
  let annotations = { ...template.metadata.annotations };
  let spec = template.spec;
  if (mesh) {
    ({ labels, annotations, spec } = inject(
      { labels, annotations, spec },
      {
        namespace,
        ...mesh,
        createdBy: `linkerd/proxy-injector ${LINKERD_VERSION}`,
      },
    ));
  }
  const uid = makeUid(`Pod/${namespace}/${name}@${iso(created)}${uidSalt}`);
  const node = NODE_BY_NAME.get(nodeName);
  const podIp = spec.hostNetwork ? node.ip : C.podIp(nodeName, uid);
  const podSpec = podOnlySpec(spec, { nodeName, daemonSet });
  const { status, readyAt } = podStatus({
    uid,
    spec: podSpec,
    created,
    hostIp: node.ip,
    podIp,
    phase,
    finishedAt,
  });
  return C.add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: metadata({
      name,
      namespace,
      labels,
      annotations,
      created,
      owner,
      uidSeed: `Pod/${namespace}/${name}@${iso(created)}${uidSalt}`,
      modified: readyAt,
    }),
    spec: podSpec,
    status,
  });
}

/** Deterministic spread of `count` pods over `pool` starting at a hashed offset. */
export function placement(seed, count, pool = AMD64_AGENTS) {
  const start = hashInt(`place:${seed}`) % pool.length;
  return Array.from(
    { length: count },
    (_, i) => pool[(start + i) % pool.length],
  );
}
