import { readSchedulerServiceTaskScheduleDefinitionFromConfig, SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { DEFAULT_NOTIFICATION_RULES, NotificationRules } from '@meshlens/plugin-service-mesh-common';

/** `serviceMesh.history` and `serviceMesh.notifications`. */
export interface HistoryConfig {
  enabled: boolean;
  schedule: SchedulerServiceTaskScheduleDefinition;
  retentionDays: number;
  notifications: { enabled: boolean; rules: NotificationRules };
}

/** Every 15 minutes, first run 30 s after start, at most 5 minutes per run. */
export const DEFAULT_HISTORY_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 15 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 30 },
};

/** Reads the history task's settings; throws naming the key on an invalid value. */
export function readHistoryConfig(root?: Config): HistoryConfig {
  const history = root?.getOptionalConfig('history');
  const notifications = root?.getOptionalConfig('notifications');
  const retentionDays = history?.getOptionalNumber('retentionDays') ?? 90;
  if (!(retentionDays > 0)) throw new Error('Invalid serviceMesh.history.retentionDays: a positive number of days');
  const mtlsDrop = notifications?.getOptionalNumber('mtlsDrop') ?? DEFAULT_NOTIFICATION_RULES.mtlsDrop;
  if (!(mtlsDrop > 0 && mtlsDrop <= 1)) throw new Error('Invalid serviceMesh.notifications.mtlsDrop: a ratio above 0 and at most 1');
  const schedule = history?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(history.getConfig('schedule'))
    : DEFAULT_HISTORY_SCHEDULE;
  return {
    enabled: history?.getOptionalBoolean('enabled') ?? true,
    schedule,
    retentionDays,
    notifications: { enabled: notifications?.getOptionalBoolean('enabled') ?? true, rules: { mtlsDrop } },
  };
}
