// The analytics CronJob with its last Job and that Job's Succeeded pod (the proxy as a native
// sidecar in the meshed snapshot).
import { AB_ANALYTICS, AB_IMAGE_REPO, AB_NS } from '../model/autoBrand.mjs';
import { AUTO_BRAND_RESTART_AT } from '../model/snapshots.mjs';
import { abEnv } from './autoBrand.mjs';
import { hashInt, makeUid, nameSuffix } from './ids.mjs';
import { metadata } from './metadata.mjs';
import { makePod } from './pod.mjs';
import { podTemplate, workloadLabels } from './podSpec.mjs';
import { HOUR, MINUTE, NOW, SECOND, iso } from './time.mjs';

export function buildAnalytics(C, meshed) {
  const a = AB_ANALYTICS;
  const namespace = AB_NS;
  const created = Date.parse(a.created);
  const w = {
    name: a.name,
    entity: a.name,
    labels: {
      'app.kubernetes.io/name': a.name,
      'app.kubernetes.io/part-of': 'auto-brand',
      'app.kubernetes.io/component': 'batch',
    },
    image: `${AB_IMAGE_REPO}/${a.name}`,
    container: {
      name: a.name,
      command: a.command,
      env: [['LOG_LEVEL', 'info'], ...abEnv(a.calls)],
      resources: a.resources,
    },
    pod: { restartPolicy: 'OnFailure', serviceAccountName: a.name },
  };
  const annotations = meshed
    ? { 'config.beta.linkerd.io/proxy-enable-native-sidecar': 'true' }
    : undefined;
  const template = podTemplate(w, a.version, { annotations });
  const cronUid = makeUid(`CronJob/${namespace}/${a.name}@${a.created}`);
  const cronOwner = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: a.name, uid: cronUid },
  };

  // the most recent run: 11:00 on capturedAt's day; Job named after the scheduled minute
  const scheduled = NOW - HOUR;
  const jobName = `${a.name}-${Math.floor(scheduled / MINUTE)}`;
  const jobCreated = scheduled;
  const salt = meshed ? '#meshed' : '';
  const jobUid = makeUid(
    `Job/${namespace}/${jobName}@${iso(jobCreated)}${salt}`,
  );
  const controllerLabels = {
    'batch.kubernetes.io/controller-uid': jobUid,
    'batch.kubernetes.io/job-name': jobName,
    'controller-uid': jobUid,
    'job-name': jobName,
  };
  const jobTemplate = {
    metadata: {
      ...template.metadata,
      labels: { ...template.metadata.labels, ...controllerLabels },
    },
    spec: template.spec,
  };
  const jobOwner = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: jobName, uid: jobUid },
  };
  const podName = `${jobName}-${nameSuffix(`${namespace}/${jobName}${salt}`)}`;
  const podCreated = jobCreated + SECOND;
  const finishedAt =
    podCreated +
    2 * MINUTE +
    ((hashInt(`analytics-run:${jobName}`) % 40) + 10) * SECOND;
  const pod = makePod(C, {
    namespace,
    name: podName,
    owner: jobOwner,
    template: jobTemplate,
    nodeName: a.node,
    created: podCreated,
    phase: 'Succeeded',
    finishedAt,
    mesh: meshed ? { ownerKind: 'Job', ownerName: jobName } : undefined,
    uidSalt: salt,
  });
  const completedAt =
    Date.parse(
      pod.status.conditions.find(c => c.type === 'Ready').lastTransitionTime,
    ) +
    2 * SECOND;
  C.add({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: metadata({
      name: jobName,
      namespace,
      labels: { ...template.metadata.labels, ...controllerLabels },
      annotations: {
        'batch.kubernetes.io/cronjob-scheduled-timestamp': iso(scheduled),
      },
      created: jobCreated,
      owner: cronOwner,
      generation: 1,
      modified: completedAt,
      uidSeed: `Job/${namespace}/${jobName}@${iso(jobCreated)}${salt}`,
    }),
    spec: {
      backoffLimit: 2,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: {
        matchLabels: { 'batch.kubernetes.io/controller-uid': jobUid },
      },
      suspend: false,
      template: jobTemplate,
    },
    status: {
      completionTime: iso(completedAt),
      conditions: [
        {
          lastProbeTime: iso(completedAt),
          lastTransitionTime: iso(completedAt),
          message: 'Reached expected number of succeeded pods',
          reason: 'CompletionsReached',
          status: 'True',
          type: 'SuccessCriteriaMet',
        },
        {
          lastProbeTime: iso(completedAt),
          lastTransitionTime: iso(completedAt),
          message: 'Reached expected number of succeeded pods',
          reason: 'CompletionsReached',
          status: 'True',
          type: 'Complete',
        },
      ],
      ready: 0,
      startTime: iso(jobCreated),
      succeeded: 1,
      terminating: 0,
      uncountedTerminatedPods: {},
    },
  });
  const cronModified = meshed
    ? Date.parse(AUTO_BRAND_RESTART_AT) + 5 * MINUTE
    : created;
  C.add({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: metadata({
      name: a.name,
      namespace,
      labels: workloadLabels(w),
      created,
      generation: meshed ? 2 : 1,
      modified: Math.max(cronModified, completedAt),
      uidSeed: `CronJob/${namespace}/${a.name}@${a.created}`,
    }),
    spec: {
      concurrencyPolicy: 'Forbid',
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { creationTimestamp: null, labels: workloadLabels(w) },
        spec: { backoffLimit: 2, template },
      },
      schedule: a.schedule,
      successfulJobsHistoryLimit: 1,
      suspend: false,
    },
    status: {
      lastScheduleTime: iso(scheduled),
      lastSuccessfulTime: iso(completedAt),
    },
  });
}
