import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { resolve } from 'path';
import { serviceMeshPermissions } from '@meshlens/plugin-service-mesh-common';
import { readServiceMeshConfig } from './config/ServiceMeshConfig';
import { NO_CLUSTERS_ERROR, NO_CLUSTERS_LOCATED_ERROR } from './services/noClustersError';
import { createClusterSource, createClusterSources } from './services/createClusterSources';
import { authStrategies } from './adapters/kubernetes/credentials/authStrategies';
import { ClusterRegistry } from './services/ClusterRegistry';
import { locateClusters } from './services/locators/locateClusters';
import { EntityReportService } from './services/EntityReportService';
import { CatalogGraphService } from './services/CatalogGraphService';
import { createRouter } from './router';
import { EntityAccess } from './services/access/EntityAccess';
import { DecisionCache } from './services/access/DecisionCache';
import { ReportCache } from './services/ReportCache';
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
        lifecycle: coreServices.lifecycle,
      },
      async init({ config, logger, httpAuth, httpRouter, auth, permissions, permissionsRegistry, catalog, database, scheduler, notifications, lifecycle }) {
        permissionsRegistry.addPermissions(serviceMeshPermissions);
        const meshConfig = readServiceMeshConfig(config, p => resolve(p));
        const locating = meshConfig.locators.catalog.length + meshConfig.locators.gke.length > 0;
        if (meshConfig.clusters.length === 0) {
          logger.warn(`${(locating ? NO_CLUSTERS_LOCATED_ERROR : NO_CLUSTERS_ERROR).message}. Every answer says so in errors[] until then.`);
        } else {
          const described = meshConfig.clusters.map(c => `${c.name} (${c.source === 'snapshot' ? `snapshot ${c.path}` : `kubernetes ${c.url ?? `kubeconfig ${c.kubeconfig?.path}`}`})`);
          logger.info(`Serving ${meshConfig.clusters.length} cluster(s): ${described.join(', ')}`);
        }
        for (const note of meshConfig.notes) logger.info(note);
        const strategies = authStrategies(config, logger);
        const registry = new ClusterRegistry(
          createClusterSources(meshConfig, logger, strategies),
          () => locateClusters(meshConfig.locators, {
            catalog, auth, logger,
            gkeClient: async () => new (await import('@google-cloud/container')).v1.ClusterManagerClient(),
          }),
          c => createClusterSource(c, meshConfig, logger, strategies),
          logger,
        );
        if (locating) {
          // The catalog may still be starting: the first run happens in the background.
          lifecycle.addStartupHook(() => { void registry.start(meshConfig.locators.refreshMs); });
          lifecycle.addShutdownHook(() => registry.stop());
        }
        const snapshot = new CatalogGraphService(catalog, auth, (config.getOptionalNumber('serviceMesh.catalogSnapshot.refreshSeconds') ?? 10) * 1000);
        const reports = new EntityReportService(
          registry.sources,
          meshConfig.metricsWindowSeconds,
          () => new Date(),
          snapshot,
          meshConfig.adoption,
          locating ? NO_CLUSTERS_LOCATED_ERROR : NO_CLUSTERS_ERROR,
        );
        const access = new EntityAccess(catalog, snapshot, new DecisionCache(permissions));
        let history: HistoryStore | undefined;
        if (meshConfig.history.enabled) {
          history = await HistoryStore.create(database);
          await scheduleHistory({ config: meshConfig.history, scheduler, catalog, auth, reports, store: history, notifications, logger });
        }
        const reportCache = new ReportCache(reports);
        httpRouter.use(createRouter({ httpAuth, access, reports, reportCache, history, defaultWindow: config.getOptionalString('serviceMesh.metrics.window') }));
      },
    });
  },
});
