import { AuthService, LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Entity, getCompoundEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { MeshNotification } from '@meshlens/plugin-service-mesh-common';
import { HistoryConfig } from '../../config/readHistoryConfig';
import { HistoryStore } from '../../database/HistoryStore';
import { EntityReportService } from '../EntityReportService';
import { kubernetesEntities } from '../kubernetesEntities';
import { recordHistory } from './recordHistory';

/** Task id in the scheduler; scope global, so one replica runs each cycle. */
export const HISTORY_TASK_ID = 'service-mesh-history';

/** The entity's Service Mesh tab, for the notification's link. */
export function serviceMeshTabLink(entity: Entity): string {
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(kind.toLocaleLowerCase('en-US'))}/${encodeURIComponent(name)}/service-mesh`;
}

/**
 * Schedules the history task: every entity tied to Kubernetes (read with the plugin's own
 * credentials) gets a history point per cycle, and its owners the notifications it owes.
 */
export async function scheduleHistory(deps: {
  config: HistoryConfig;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  reports: EntityReportService;
  store: HistoryStore;
  notifications?: NotificationService;
  logger: LoggerService;
}): Promise<void> {
  const { config, scheduler, catalog, auth, reports, store, notifications, logger } = deps;
  const notify = notifications && config.notifications.enabled
    ? async (entity: Entity, n: MeshNotification) => notifications.send({
      recipients: { type: 'entity', entityRef: stringifyEntityRef(entity) },
      payload: { title: n.title, description: n.description, link: serviceMeshTabLink(entity), severity: n.severity, topic: 'service-mesh' },
    })
    : undefined;
  await scheduler.scheduleTask({
    id: HISTORY_TASK_ID,
    scope: 'global',
    ...config.schedule,
    fn: async () => {
      const started = Date.now();
      const run = await recordHistory({
        entities: async () => kubernetesEntities(catalog, await auth.getOwnServiceCredentials()),
        reports,
        store,
        notify,
        rules: config.notifications.rules,
        now: new Date(),
        retentionDays: config.retentionDays,
        logger,
      });
      logger.info('Mesh history recorded', { ...run, ms: Date.now() - started });
    },
  });
}
