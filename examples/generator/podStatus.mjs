// Pod status as the kubelet reports it: container states, restarts, conditions, image ids.
import { containerId, hashInt, sha256 } from './ids.mjs';
import { DAY, MINUTE, NOW, SECOND, iso } from './time.mjs';
import { clean } from './yaml.mjs';

const RESTART_COUNTS = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2];

export function normalizeImage(image) {
  const first = image.split('/')[0];
  if (image.includes('/') && (first.includes('.') || first.includes(':')))
    return image;
  return image.includes('/')
    ? `docker.io/${image}`
    : `docker.io/library/${image}`;
}

export function imageId(image) {
  const normalized = normalizeImage(image);
  return `${normalized.replace(/:[^:/]+$/, '')}@sha256:${sha256(
    `image:${normalized}`,
  )}`;
}
/**
 * Pod status for a pod created at `created`. Running pods: every container started and ready,
 * a few with restarts. Succeeded pods: every container terminated with exit code 0 at `finishedAt`.
 */
export function podStatus({
  uid,
  spec,
  created,
  hostIp,
  podIp,
  phase,
  finishedAt,
}) {
  let t = created + SECOND;
  const startTime = t;
  const pullDelay = (hashInt(`pull:${uid}`) % 20) * SECOND;
  t += 2 * SECOND + pullDelay;
  const succeeded = phase === 'Succeeded';
  let initializedAt = t;
  const initContainerStatuses = (spec.initContainers ?? []).map(c => {
    const startedAt = t;
    const id = containerId(`${uid}/${c.name}/0`);
    let state;
    let ready;
    let started;
    if (c.restartPolicy === 'Always') {
      // native sidecar: keeps running until the main containers are done
      state = succeeded
        ? {
            terminated: {
              containerID: id,
              exitCode: 0,
              finishedAt: iso(finishedAt + 2 * SECOND),
              reason: 'Completed',
              startedAt: iso(startedAt),
            },
          }
        : { running: { startedAt: iso(startedAt) } };
      ready = !succeeded;
      started = !succeeded;
      t += 3 * SECOND;
    } else {
      state = {
        terminated: {
          containerID: id,
          exitCode: 0,
          finishedAt: iso(startedAt + SECOND),
          reason: 'Completed',
          startedAt: iso(startedAt),
        },
      };
      ready = true;
      started = false;
      t += 2 * SECOND;
    }
    initializedAt = t;
    return {
      containerID: id,
      image: normalizeImage(c.image),
      imageID: imageId(c.image),
      lastState: {},
      name: c.name,
      ready,
      restartCount: 0,
      started,
      state,
    };
  });
  let readyAt = t;
  const containerStatuses = spec.containers.map((c, i) => {
    const startedAt = t + i * SECOND;
    const isProxy = c.name === 'linkerd-proxy';
    const restartCount =
      succeeded || isProxy || NOW - created < 3 * DAY
        ? 0
        : RESTART_COUNTS[
            hashInt(`restarts:${uid}/${c.name}`) % RESTART_COUNTS.length
          ];
    const id = containerId(`${uid}/${c.name}/${restartCount}`);
    const base = {
      image: normalizeImage(c.image),
      imageID: imageId(c.image),
      name: c.name,
      restartCount,
    };
    if (succeeded) {
      return {
        ...base,
        containerID: id,
        lastState: {},
        ready: false,
        started: false,
        state: {
          terminated: {
            containerID: id,
            exitCode: 0,
            finishedAt: iso(finishedAt),
            reason: 'Completed',
            startedAt: iso(startedAt),
          },
        },
      };
    }
    let lastState = {};
    let runningSince = startedAt;
    if (restartCount > 0) {
      const span = NOW - startedAt - DAY;
      const restartedAt =
        startedAt +
        DAY +
        (hashInt(`restart-at:${uid}/${c.name}`) %
          Math.max(1, Math.floor(span / MINUTE))) *
          MINUTE;
      lastState = {
        terminated: {
          containerID: containerId(`${uid}/${c.name}/${restartCount - 1}`),
          exitCode: 1,
          finishedAt: iso(restartedAt - 10 * SECOND),
          reason: 'Error',
          startedAt: iso(restartCount > 1 ? restartedAt - DAY : startedAt),
        },
      };
      runningSince = restartedAt;
    }
    readyAt = Math.max(readyAt, runningSince + 5 * SECOND);
    return {
      ...base,
      containerID: id,
      lastState,
      ready: true,
      started: true,
      state: { running: { startedAt: iso(runningSince) } },
    };
  });
  readyAt = Math.max(readyAt, t + spec.containers.length * SECOND + 4 * SECOND);
  const hasResources = [
    ...spec.containers,
    ...(spec.initContainers ?? []),
  ].some(c => Object.keys(c.resources ?? {}).length > 0);
  const condition = (type, status, at, reason) =>
    clean({
      lastProbeTime: null,
      lastTransitionTime: iso(at),
      reason,
      status,
      type,
    });
  const conditions = succeeded
    ? [
        condition(
          'PodReadyToStartContainers',
          'False',
          finishedAt + 3 * SECOND,
        ),
        condition('Initialized', 'True', initializedAt, 'PodCompleted'),
        condition('Ready', 'False', finishedAt + SECOND, 'PodCompleted'),
        condition(
          'ContainersReady',
          'False',
          finishedAt + SECOND,
          'PodCompleted',
        ),
        condition('PodScheduled', 'True', created),
      ]
    : [
        condition('PodReadyToStartContainers', 'True', startTime + 2 * SECOND),
        condition('Initialized', 'True', initializedAt),
        condition('Ready', 'True', readyAt),
        condition('ContainersReady', 'True', readyAt),
        condition('PodScheduled', 'True', created),
      ];
  const status = clean({
    conditions,
    containerStatuses: [...containerStatuses].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    ),
    hostIP: hostIp,
    hostIPs: [{ ip: hostIp }],
    initContainerStatuses: initContainerStatuses.length
      ? initContainerStatuses
      : undefined,
    phase,
    podIP: podIp,
    podIPs: [{ ip: podIp }],
    qosClass: hasResources ? 'Burstable' : 'BestEffort',
    startTime: iso(startTime),
  });
  return { status, readyAt: succeeded ? finishedAt + 3 * SECOND : readyAt };
}
