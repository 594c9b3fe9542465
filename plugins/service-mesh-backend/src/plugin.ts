import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { resolve } from 'path';
import { serviceMeshPermissions } from '@meshlens/plugin-service-mesh-common';
import { readServiceMeshConfig } from './config/ServiceMeshConfig';
import { NO_CLUSTERS_ERROR } from './services/noClustersError';
import { createClusterSources } from './services/createClusterSources';
import { EntityReportService } from './services/EntityReportService';
import { CatalogGraphService } from './services/CatalogGraphService';
import { createRouter } from './router';
import { HistoryStore } from './database/HistoryStore';
import { scheduleHistory } from './services/history/scheduleHistory';

/**
 * Meshlens backend plugin: Linkerd mesh status per catalog entity at `/api/service-mesh`.
 *
 * @public
 */
export const serviceMeshPlugin = createBackendPlugin({
  pluginId: 'service-mesh',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        notifications: notificationService,
      },
      async init({ config, logger, httpAuth, httpRouter, auth, permissions, permissionsRegistry, catalog, database, scheduler, notifications }) {
        permissionsRegistry.addPermissions(serviceMeshPermissions);
        const meshConfig = readServiceMeshConfig(config, p => resolve(p));
        if (meshConfig.clusters.length === 0) {
          logger.warn(`${NO_CLUSTERS_ERROR.message}. Every answer says so in errors[] until then.`);
        } else {
          const described = meshConfig.clusters.map(c => `${c.name} (${c.source === 'snapshot' ? `snapshot ${c.path}` : `kubernetes ${c.url ?? `kubeconfig ${c.kubeconfig?.path}`}`})`);
          logger.info(`Serving ${meshConfig.clusters.length} cluster(s): ${described.join(', ')}`);
        }
        const reports = new EntityReportService(
          createClusterSources(meshConfig, logger),
          meshConfig.metricsWindowSeconds,
          () => new Date(),
          new CatalogGraphService(catalog, auth),
          meshConfig.adoption,
        );
        let history: HistoryStore | undefined;
        if (meshConfig.history.enabled) {
          history = await HistoryStore.create(database);
          await scheduleHistory({ config: meshConfig.history, scheduler, catalog, auth, reports, store: history, notifications, logger });
        }
        httpRouter.use(createRouter({ httpAuth, permissions, catalog, reports, history, defaultWindow: config.getOptionalString('serviceMesh.metrics.window') }));
      },
    });
  },
});
