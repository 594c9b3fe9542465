// A control-plane Deployment, its ReplicaSet and pod, from a template the chart already injected.
import { makeUid, nameSuffix, templateHash } from './ids.mjs';
import { metadata } from './metadata.mjs';
import { makePod } from './pod.mjs';
import { LINKERD_VERSION } from '../model/linkerd.mjs';
import { SECOND, iso } from './time.mjs';

/** A control-plane Deployment whose template already carries the proxy (rendered by the chart). */
export function buildControlPlaneDeployment(
  C,
  namespace,
  w,
  template,
  created,
  nodeName,
) {
  const hash = templateHash({ ns: namespace, name: w.name, template });
  const rsName = `${w.name}-${hash}`;
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: w.name,
      uid: makeUid(`Deployment/${namespace}/${w.name}@${iso(created)}`),
    },
  };
  const rsTemplate = {
    metadata: {
      ...template.metadata,
      labels: { ...template.metadata.labels, 'pod-template-hash': hash },
    },
    spec: template.spec,
  };
  const rs = C.add({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: metadata({
      name: rsName,
      namespace,
      labels: { ...w.labels, 'pod-template-hash': hash },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '1',
        'deployment.kubernetes.io/max-replicas': '2',
        'deployment.kubernetes.io/revision': '1',
      },
      created: created + SECOND,
      owner: deployment,
      generation: 1,
      modified: created + 50 * SECOND,
    }),
    spec: {
      replicas: 1,
      selector: { matchLabels: { ...w.selector, 'pod-template-hash': hash } },
      template: rsTemplate,
    },
    status: {
      availableReplicas: 1,
      fullyLabeledReplicas: 1,
      observedGeneration: 1,
      readyReplicas: 1,
      replicas: 1,
    },
  });
  // the pod was created from an already injected template: no second injection
  const pod = makePod(C, {
    namespace,
    name: `${rsName}-${nameSuffix(`${namespace}/${rsName}/0`)}`,
    owner: rs,
    template: rsTemplate,
    nodeName,
    created: created + 2 * SECOND,
  });
  const readyAt = Date.parse(
    pod.status.conditions.find(c => c.type === 'Ready').lastTransitionTime,
  );
  C.add({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata({
      name: w.name,
      namespace,
      labels: w.labels,
      annotations: {
        'deployment.kubernetes.io/revision': '1',
        'linkerd.io/created-by': `linkerd/cli ${LINKERD_VERSION}`,
      },
      created,
      generation: 1,
      modified: readyAt,
      uidSeed: `Deployment/${namespace}/${w.name}@${iso(created)}`,
    }),
    spec: {
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: w.selector },
      strategy: {
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
        type: 'RollingUpdate',
      },
      template,
    },
    status: {
      availableReplicas: 1,
      conditions: [
        {
          lastTransitionTime: iso(readyAt),
          lastUpdateTime: iso(readyAt),
          message: 'Deployment has minimum availability.',
          reason: 'MinimumReplicasAvailable',
          status: 'True',
          type: 'Available',
        },
        {
          lastTransitionTime: iso(created + SECOND),
          lastUpdateTime: iso(readyAt),
          message: `ReplicaSet "${rsName}" has successfully progressed.`,
          reason: 'NewReplicaSetAvailable',
          status: 'True',
          type: 'Progressing',
        },
      ],
      observedGeneration: 1,
      readyReplicas: 1,
      replicas: 1,
      updatedReplicas: 1,
    },
  });
}
