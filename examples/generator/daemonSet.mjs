// A DaemonSet and its pod on every node.
import { NODES } from '../model/nodes.mjs';
import { revisions } from './deployment.mjs';
import { makeUid, nameSuffix, templateHash } from './ids.mjs';
import { metadata } from './metadata.mjs';
import { makePod } from './pod.mjs';
import { podTemplate, workloadLabels } from './podSpec.mjs';
import { SECOND, iso } from './time.mjs';

export function buildDaemonSet(C, namespace, w) {
  const revs = revisions(w, namespace, undefined);
  const created = revs[0].created;
  const current = revs[revs.length - 1];
  const template = podTemplate(w, current.version);
  const hash = templateHash({ ns: namespace, name: w.name, template });
  const dsUid = makeUid(`DaemonSet/${namespace}/${w.name}@${iso(created)}`);
  const owner = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: w.name, uid: dsUid },
  };
  let lastReady = current.created;
  NODES.forEach((node, i) => {
    const podCreated =
      Math.max(current.created, Date.parse(node.joined)) + (3 + i * 2) * SECOND;
    const podName = `${w.name}-${nameSuffix(
      `${namespace}/${w.name}/${node.name}`,
    )}`;
    const pod = makePod(C, {
      namespace,
      name: podName,
      owner,
      template,
      nodeName: node.name,
      created: podCreated,
      daemonSet: true,
      extraLabels: {
        'controller-revision-hash': hash,
        'pod-template-generation': String(revs.length),
      },
    });
    lastReady = Math.max(
      lastReady,
      Date.parse(
        pod.status.conditions.find(c => c.type === 'Ready').lastTransitionTime,
      ),
    );
  });
  const n = NODES.length;
  C.add({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: metadata({
      name: w.name,
      namespace,
      labels: workloadLabels(w),
      annotations: {
        'deprecated.daemonset.template.generation': String(revs.length),
      },
      created,
      generation: revs.length,
      modified: lastReady,
      uidSeed: `DaemonSet/${namespace}/${w.name}@${iso(created)}`,
    }),
    spec: {
      revisionHistoryLimit: 10,
      selector: { matchLabels: w.selector },
      template,
      updateStrategy: {
        rollingUpdate: { maxSurge: 0, maxUnavailable: 1 },
        type: 'RollingUpdate',
      },
    },
    status: {
      currentNumberScheduled: n,
      desiredNumberScheduled: n,
      numberAvailable: n,
      numberMisscheduled: 0,
      numberReady: n,
      observedGeneration: revs.length,
      updatedNumberScheduled: n,
    },
  });
}
