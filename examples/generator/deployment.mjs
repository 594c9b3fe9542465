// A Deployment with its ReplicaSet history (one per revision) and the current ReplicaSet's pods.
import { makeUid, nameSuffix, templateHash } from './ids.mjs';
import { metadata } from './metadata.mjs';
import { makePod, placement } from './pod.mjs';
import { podTemplate, workloadLabels } from './podSpec.mjs';
import { NOW, SECOND, iso, when } from './time.mjs';

/**
 * Revisions of a workload spec: [{ created, version, annotations }], oldest first. In the meshed
 * snapshot a restarted workload gets one more revision, the same version with
 * `kubectl.kubernetes.io/restartedAt`.
 */
export function revisions(w, namespace, restartAt) {
  const revs = w.history.map(([at, version], i) => ({
    created: when(at, `${namespace}/${w.name}/rev${i}`),
    version,
    annotations: undefined,
  }));
  if (restartAt) {
    const last = revs[revs.length - 1];
    revs.push({
      created: restartAt,
      version: last.version,
      annotations: { 'kubectl.kubernetes.io/restartedAt': iso(restartAt) },
    });
  }
  for (let i = 1; i < revs.length; i++) {
    if (revs[i].created <= revs[i - 1].created)
      throw new Error(`${namespace}/${w.name}: revisions out of order`);
  }
  if (revs[revs.length - 1].created >= NOW)
    throw new Error(`${namespace}/${w.name}: revision in the future`);
  return revs;
}

export function buildDeployment(C, namespace, w, { mesh, restartAt }) {
  const revs = revisions(w, namespace, restartAt);
  const created = revs[0].created;
  const labels = workloadLabels(w);
  const maxSurge = Math.ceil(w.replicas * 0.25);
  const templates = revs.map(r =>
    podTemplate(w, r.version, { annotations: r.annotations }),
  );
  const current = templates[templates.length - 1];
  const deploymentUid = makeUid(
    `Deployment/${namespace}/${w.name}@${iso(created)}`,
  );
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: w.name, uid: deploymentUid },
  };
  const nodes = w.nodes ?? null;
  let lastPodReady = revs[revs.length - 1].created;
  const replicaSets = revs.map((r, i) => {
    const isCurrent = i === revs.length - 1;
    const hash = templateHash({
      ns: namespace,
      name: w.name,
      template: templates[i],
    });
    const rsName = `${w.name}-${hash}`;
    const replicas = isCurrent ? w.replicas : 0;
    const template = {
      metadata: {
        ...templates[i].metadata,
        labels: { ...templates[i].metadata.labels, 'pod-template-hash': hash },
      },
      spec: templates[i].spec,
    };
    const rsMeta = metadata({
      name: rsName,
      namespace,
      labels: { ...labels, 'pod-template-hash': hash },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(w.replicas),
        'deployment.kubernetes.io/max-replicas': String(w.replicas + maxSurge),
        'deployment.kubernetes.io/revision': String(i + 1),
      },
      created: r.created,
      owner: deployment,
      generation: isCurrent ? 1 : 2,
      modified: isCurrent
        ? r.created + 40 * SECOND
        : revs[i + 1].created + 30 * SECOND,
    });
    const rs = C.add({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: rsMeta,
      spec: {
        replicas,
        selector: { matchLabels: { ...w.selector, 'pod-template-hash': hash } },
        template,
      },
      status: isCurrent
        ? {
            availableReplicas: replicas,
            fullyLabeledReplicas: replicas,
            observedGeneration: 1,
            readyReplicas: replicas,
            replicas,
          }
        : { observedGeneration: 2, replicas: 0 },
    });
    if (isCurrent) {
      const podNodes = nodes ?? placement(rsName, replicas);
      for (let p = 0; p < replicas; p++) {
        const podName = `${rsName}-${nameSuffix(
          `${namespace}/${rsName}/${p}`,
        )}`;
        const pod = makePod(C, {
          namespace,
          name: podName,
          owner: rs,
          template,
          nodeName: podNodes[p % podNodes.length],
          created: r.created + (2 + p) * SECOND,
          mesh: mesh
            ? { ownerKind: 'Deployment', ownerName: w.name }
            : undefined,
        });
        lastPodReady = Math.max(
          lastPodReady,
          Date.parse(
            pod.status.conditions.find(c => c.type === 'Ready')
              .lastTransitionTime,
          ),
        );
      }
    }
    return rs;
  });
  const progressedAt = revs[revs.length - 1].created + 25 * SECOND;
  const replicaSetName = replicaSets[replicaSets.length - 1].metadata.name;
  C.add({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata({
      name: w.name,
      namespace,
      labels,
      annotations: { 'deployment.kubernetes.io/revision': String(revs.length) },
      created,
      generation: revs.length,
      modified: lastPodReady,
      uidSeed: `Deployment/${namespace}/${w.name}@${iso(created)}`,
    }),
    spec: {
      progressDeadlineSeconds: 600,
      replicas: w.replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: w.selector },
      strategy: {
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
        type: 'RollingUpdate',
      },
      template: current,
    },
    status: {
      availableReplicas: w.replicas,
      conditions: [
        {
          lastTransitionTime: iso(lastPodReady),
          lastUpdateTime: iso(lastPodReady),
          message: 'Deployment has minimum availability.',
          reason: 'MinimumReplicasAvailable',
          status: 'True',
          type: 'Available',
        },
        {
          lastTransitionTime: iso(created + 2 * SECOND),
          lastUpdateTime: iso(progressedAt),
          message: `ReplicaSet "${replicaSetName}" has successfully progressed.`,
          reason: 'NewReplicaSetAvailable',
          status: 'True',
          type: 'Progressing',
        },
      ],
      observedGeneration: revs.length,
      readyReplicas: w.replicas,
      replicas: w.replicas,
      updatedReplicas: w.replicas,
    },
  });
}
