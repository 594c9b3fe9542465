import { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { entityMeshSummary, runbookMarkdown, serviceMeshEntityReadPermission, SourceErrorReport } from '@meshlens/plugin-service-mesh-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { EntityReportService } from './services/EntityReportService';
import { parseWindow } from './config/ServiceMeshConfig';
import { resolveEntities } from './services/resolveEntities';
import { groupRollupOf } from './services/groupRollupOf';
import { kubernetesEntities } from './services/kubernetesEntities';
import { HistoryStore } from './database/HistoryStore';

const entityParams = z.object({
  kind: z.string().max(63).regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'kind must be letters and digits'),
  namespace: z.string().max(63).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'namespace must be a DNS label'),
  name: z.string().max(63).regex(/^[a-zA-Z0-9]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?$/, 'name must be letters, digits, "-", "_" or "."'),
});

/** Router of `/api/service-mesh`: validates input, reads the entity as the caller, serialises. */
export function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  reports: EntityReportService;
  /** The default window as written in config, e.g. `1h`. */
  defaultWindow?: string;
  /** Mesh history; `/history` answers 503 without it. */
  history?: HistoryStore;
}): express.Router {
  const { httpAuth, permissions, catalog, reports, history } = options;
  const defaultWindow = options.defaultWindow ?? '1h';
  const router = Router();
  router.use(express.json());
  // Every route reads mesh data: the caller needs service-mesh.entity.read.
  router.use(async (req, _res, next) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize([{ permission: serviceMeshEntityReadPermission }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) throw new NotAllowedError('Not allowed to read service mesh data (service-mesh.entity.read)');
    next();
  });

  /** The entity, read with the caller's credentials: invisible and unknown are the same 404. */
  async function entityOf(req: express.Request) {
    const parsed = entityParams.safeParse(req.params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`Invalid entity ${issue.path.join('.')}: ${issue.message}`);
    }
    const credentials = await httpAuth.credentials(req);
    const ref = stringifyEntityRef(parsed.data);
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) throw new NotFoundError(`No entity ${ref} (or you may not see it)`);
    return { entity, ref: stringifyEntityRef(entity) };
  }

  /** `errors` with the configuration's own errors first, each error once. */
  function withConfigErrors(errors: SourceErrorReport[]): SourceErrorReport[] {
    return [...new Map([...reports.configErrors(), ...errors].map(e => [`${e.source}|${e.message}`, e])).values()];
  }

  function windowOf(req: express.Request): number | undefined {
    const value = req.query.window;
    if (value === undefined) return undefined;
    const seconds = typeof value === 'string' ? parseWindow(value) : undefined;
    if (seconds === undefined) throw new InputError('Invalid window: use a duration from 1m to 24h, such as 5m or 1h');
    return seconds;
  }

  function limitOf(req: express.Request): number {
    const value = req.query.limit;
    if (value === undefined) return 500;
    const n = typeof value === 'string' && /^[0-9]{1,5}$/.test(value) ? Number(value) : NaN;
    if (!(n >= 1 && n <= 5000)) throw new InputError('Invalid limit: a whole number from 1 to 5000');
    return n;
  }

  router.get('/v1/groups/:namespace/:name', async (req, res) => {
    const parsed = entityParams.omit({ kind: true }).safeParse(req.params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`Invalid group ${issue.path.join('.')}: ${issue.message}`);
    }
    const credentials = await httpAuth.credentials(req);
    const rollup = await groupRollupOf(catalog, credentials, reports, stringifyEntityRef({ kind: 'group', ...parsed.data }));
    res.json({ ...rollup, errors: withConfigErrors(rollup.errors) });
  });

  router.get('/v1/entities', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const tied = await kubernetesEntities(catalog, credentials);
    const list = await Promise.all(tied.map(e => reports.getReport(e, stringifyEntityRef(e))));
    res.json({ entities: list.map(entityMeshSummary), errors: withConfigErrors(list.flatMap(r => r.errors)) });
  });

  router.get('/v1/clusters', async (_req, res) => {
    res.json({ clusters: await reports.getClusters(), errors: reports.configErrors() });
  });

  router.get('/v1/entities/:kind/:namespace/:name', async (req, res) => {
    const { entity, ref } = await entityOf(req);
    res.json(await reports.getReport(entity, ref, windowOf(req)));
  });

  router.get('/v1/entities/:kind/:namespace/:name/runbook', async (req, res) => {
    const { entity, ref } = await entityOf(req);
    const report = await reports.getReport(entity, ref);
    if (req.accepts(['application/json', 'text/markdown']) === 'text/markdown') {
      res.type('text/markdown').send(runbookMarkdown(report.entityRef, report.generatedAt, report.runbook.steps));
      return;
    }
    res.json({ entityRef: report.entityRef, generatedAt: report.generatedAt, steps: report.runbook.steps, errors: report.errors });
  });

  router.get('/v1/entities/:kind/:namespace/:name/history', async (req, res) => {
    const limit = limitOf(req);
    const { ref } = await entityOf(req);
    if (!history) throw new ServiceUnavailableError('Mesh history is disabled (serviceMesh.history.enabled: false)');
    res.json({ entityRef: ref, points: await history.points(ref, limit), errors: reports.configErrors() });
  });

  router.get('/v1/entities/:kind/:namespace/:name/metrics', async (req, res) => {
    const window = windowOf(req);
    const { entity, ref } = await entityOf(req);
    const credentials = await httpAuth.credentials(req);
    const resolve = (cluster: string, ids: string[]) => resolveEntities(catalog, credentials, cluster, ids);
    const label = typeof req.query.window === 'string' ? req.query.window : defaultWindow;
    res.json(await reports.getMetrics(entity, ref, window ?? reports.defaultWindowSeconds, label, resolve));
  });

  // Anything else is a 404 that says so, rather than an empty answer.
  router.use(req => {
    throw new NotFoundError(`No route ${req.method} ${req.path.slice(0, 200)} in the service-mesh API (see /v1/entities/:kind/:namespace/:name)`);
  });

  return router;
}
