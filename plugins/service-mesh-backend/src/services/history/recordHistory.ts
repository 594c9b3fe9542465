import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { historyPoint, MeshNotification, meshNotifications, NotificationRules } from '@meshlens/plugin-service-mesh-common';
import { HistoryStore } from '../../database/HistoryStore';
import { EntityReportService } from '../EntityReportService';

/** Sends one notification to the owners of an entity. */
export type Notify = (entity: Entity, notification: MeshNotification) => Promise<void>;

export interface HistoryRun {
  entities: number;
  recorded: number;
  notified: number;
  failed: number;
}

/**
 * One run of the history task: for every entity tied to Kubernetes, records its point and sends
 * the notifications it owes (each key claimed in the database first, so a key is sent once
 * across runs and replicas; a failed send releases it for the next run). One entity failing does
 * not stop the others.
 */
export async function recordHistory(deps: {
  entities: () => Promise<Entity[]>;
  reports: EntityReportService;
  store: HistoryStore;
  notify?: Notify;
  rules: NotificationRules;
  now: Date;
  retentionDays: number;
  logger: LoggerService;
}): Promise<HistoryRun> {
  const { reports, store, notify, rules, now, logger } = deps;
  const entities = await deps.entities();
  const run: HistoryRun = { entities: entities.length, recorded: 0, notified: 0, failed: 0 };
  for (const entity of entities) {
    const ref = stringifyEntityRef(entity);
    try {
      const report = await reports.getReport(entity, ref);
      const current = historyPoint(report, now);
      if (notify) {
        const owed = meshNotifications({ report, current, previous: await store.latest(ref), sent: await store.sentKeys(ref), rules });
        for (const n of owed) {
          if (!(await store.markSent(ref, n.key, now))) continue;
          try {
            await notify(entity, n);
            run.notified++;
          } catch (e) {
            await store.unmarkSent(ref, n.key);
            logger.warn(`Notification ${n.key} for ${ref} not sent; retrying next run: ${(e as Error).message}`);
          }
        }
      }
      await store.append(ref, current);
      run.recorded++;
    } catch (e) {
      run.failed++;
      logger.warn(`Mesh history not recorded for ${ref}: ${(e as Error).message}`);
    }
  }
  await store.prune(new Date(now.getTime() - deps.retentionDays * 24 * 3600 * 1000));
  return run;
}
