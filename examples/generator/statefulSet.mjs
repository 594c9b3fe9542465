// A StatefulSet and its ordinal pods (with their volume claims).
import { revisions } from './deployment.mjs';
import { makeUid, templateHash } from './ids.mjs';
import { metadata } from './metadata.mjs';
import { makePod, placement } from './pod.mjs';
import { podTemplate, workloadLabels } from './podSpec.mjs';
import { SECOND, iso } from './time.mjs';
import { clean } from './yaml.mjs';

export function buildStatefulSet(C, namespace, w, { mesh, restartAt }) {
  const revs = revisions(w, namespace, restartAt);
  const created = revs[0].created;
  const current = revs[revs.length - 1];
  const template = podTemplate(w, current.version, {
    annotations: current.annotations,
  });
  const revisionHash = `${w.name}-${templateHash({
    ns: namespace,
    name: w.name,
    template,
  })}`;
  const ssUid = makeUid(`StatefulSet/${namespace}/${w.name}@${iso(created)}`);
  const owner = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: w.name, uid: ssUid },
  };
  const nodes = w.nodes ?? placement(`${namespace}/${w.name}`, w.replicas);
  let lastReady = current.created;
  for (let ordinal = 0; ordinal < w.replicas; ordinal++) {
    const podName = `${w.name}-${ordinal}`;
    // a rolling update replaces pods from the highest ordinal down
    const podCreated =
      revs.length > 1
        ? current.created + (w.replicas - 1 - ordinal) * 35 * SECOND
        : current.created + ordinal * 20 * SECOND + 3 * SECOND;
    const podTemplateWithVolumes = {
      metadata: template.metadata,
      spec: {
        ...template.spec,
        hostname: podName,
        subdomain: w.serviceName,
        volumes: w.volumeClaim
          ? [
              {
                name: w.volumeClaim.name,
                persistentVolumeClaim: {
                  claimName: `${w.volumeClaim.name}-${podName}`,
                },
              },
              ...(template.spec.volumes ?? []),
            ]
          : template.spec.volumes,
      },
    };
    const pod = makePod(C, {
      namespace,
      name: podName,
      owner,
      template: podTemplateWithVolumes,
      nodeName: mesh
        ? placement(`${namespace}/${podName}@${iso(podCreated)}`, 1)[0]
        : nodes[ordinal % nodes.length],
      created: podCreated,
      extraLabels: {
        'apps.kubernetes.io/pod-index': String(ordinal),
        'controller-revision-hash': revisionHash,
        'statefulset.kubernetes.io/pod-name': podName,
      },
      mesh: mesh ? { ownerKind: 'StatefulSet', ownerName: w.name } : undefined,
    });
    lastReady = Math.max(
      lastReady,
      Date.parse(
        pod.status.conditions.find(c => c.type === 'Ready').lastTransitionTime,
      ),
    );
  }
  C.add({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: metadata({
      name: w.name,
      namespace,
      labels: workloadLabels(w),
      created,
      generation: revs.length,
      modified: lastReady,
      uidSeed: `StatefulSet/${namespace}/${w.name}@${iso(created)}`,
    }),
    spec: clean({
      persistentVolumeClaimRetentionPolicy: {
        whenDeleted: 'Retain',
        whenScaled: 'Retain',
      },
      podManagementPolicy: w.podManagementPolicy ?? 'OrderedReady',
      replicas: w.replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: w.selector },
      serviceName: w.serviceName,
      template,
      updateStrategy: {
        rollingUpdate: { partition: 0 },
        type: 'RollingUpdate',
      },
      volumeClaimTemplates: w.volumeClaim
        ? [
            {
              apiVersion: 'v1',
              kind: 'PersistentVolumeClaim',
              metadata: { creationTimestamp: null, name: w.volumeClaim.name },
              spec: {
                accessModes: ['ReadWriteOnce'],
                resources: { requests: { storage: w.volumeClaim.size } },
                storageClassName: 'longhorn',
                volumeMode: 'Filesystem',
              },
              status: { phase: 'Pending' },
            },
          ]
        : undefined,
    }),
    status: {
      availableReplicas: w.replicas,
      collisionCount: 0,
      currentReplicas: w.replicas,
      currentRevision: revisionHash,
      observedGeneration: revs.length,
      readyReplicas: w.replicas,
      replicas: w.replicas,
      updateRevision: revisionHash,
      updatedReplicas: w.replicas,
    },
  });
}
