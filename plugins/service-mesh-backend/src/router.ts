import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { entityMeshSummary, hasKubernetesAnnotation, runbookMarkdown, SourceErrorReport } from '@meshlens/plugin-service-mesh-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { EntityReportService } from './services/EntityReportService';
import { parseWindow } from './config/ServiceMeshConfig';
import { resolveEntities } from './services/resolveEntities';
import { groupRollupOf } from './services/groupRollupOf';
import { REPORTED_KINDS } from './services/kubernetesEntities';
import { HistoryStore } from './database/HistoryStore';
import { EntityAccess } from './services/access/EntityAccess';
import { Caller } from './services/access/DecisionCache';
import { ReportCache } from './services/ReportCache';

const entityParams = z.object({
  kind: z.string().max(63).regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'kind must be letters and digits'),
  namespace: z.string().max(63).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'namespace must be a DNS label'),
  name: z.string().max(63).regex(/^[a-zA-Z0-9]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?$/, 'name must be letters, digits, "-", "_" or "."'),
});

/**
 * RFC 9110 13.1.2 If-None-Match, weak comparison. Not `req.fresh`: it ignores the header when
 * the request says `Cache-Control: no-cache`, which fetch() adds to every conditional request.
 */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const weak = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some(t => t.trim() === '*' || weak(t) === weak(etag));
}

const reportedKinds = new Set(REPORTED_KINDS.map(k => k.toLocaleLowerCase('en-US')));

/**
 * Router of `/api/service-mesh`: validates input, checks the caller's access through
 * {@link EntityAccess} (catalog snapshot + cached permission decisions), serialises.
 */
export function createRouter(options: {
  httpAuth: HttpAuthService;
  access: EntityAccess;
  reports: EntityReportService;
  reportCache: ReportCache;
  /** The default window as written in config, e.g. `1h`. */
  defaultWindow?: string;
  /** Mesh history; `/history` answers 503 without it. */
  history?: HistoryStore;
}): express.Router {
  const { httpAuth, access, reports, reportCache, history } = options;
  const defaultWindow = options.defaultWindow ?? '1h';
  const router = Router();
  router.use(express.json());

  /** The verified caller, and the token their cached decisions are keyed by. */
  async function callerOf(req: express.Request): Promise<Caller> {
    const credentials = await httpAuth.credentials(req);
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    return { credentials, token };
  }

  /** The entity as the caller may see it: invisible and unknown are the same 404. */
  async function entityOf(req: express.Request) {
    const caller = await callerOf(req);
    const parsed = entityParams.safeParse(req.params);
    if (!parsed.success) {
      await access.requireMeshRead(caller);
      const issue = parsed.error.issues[0];
      throw new InputError(`Invalid entity ${issue.path.join('.')}: ${issue.message}`);
    }
    const entity = await access.entity(caller, stringifyEntityRef(parsed.data));
    return { caller, entity, ref: stringifyEntityRef(entity) };
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

  // Entity routes check service-mesh.entity.read and catalog.entity.read in one decision.
  router.get('/v1/entities/:kind/:namespace/:name', async (req, res) => {
    const { entity, ref } = await entityOf(req);
    const { report, etag } = await reportCache.get(entity, ref, windowOf(req));
    res.set('ETag', etag).set('Cache-Control', 'private, no-cache');
    if (etagMatches(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    res.json(report);
  });

  router.get('/v1/entities/:kind/:namespace/:name/runbook', async (req, res) => {
    const { entity, ref } = await entityOf(req);
    const { report } = await reportCache.get(entity, ref);
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
    const { caller, entity, ref } = await entityOf(req);
    const resolve = (cluster: string, ids: string[]) => resolveEntities(access, caller, cluster, ids);
    const label = typeof req.query.window === 'string' ? req.query.window : defaultWindow;
    res.json(await reports.getMetrics(entity, ref, window ?? reports.defaultWindowSeconds, label, resolve));
  });

  // Every other route reads mesh data too: the caller needs service-mesh.entity.read.
  router.use(async (req, _res, next) => {
    await access.requireMeshRead(await callerOf(req));
    next();
  });

  router.get('/v1/groups/:namespace/:name', async (req, res) => {
    const parsed = entityParams.omit({ kind: true }).safeParse(req.params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`Invalid group ${issue.path.join('.')}: ${issue.message}`);
    }
    const reportOf = async (e: Parameters<typeof reports.getReport>[0]) => (await reportCache.get(e, stringifyEntityRef(e as any))).report;
    const rollup = await groupRollupOf(access, await callerOf(req), reportOf, stringifyEntityRef({ kind: 'group', ...parsed.data }));
    res.json({ ...rollup, errors: withConfigErrors(rollup.errors) });
  });

  router.get('/v1/entities', async (req, res) => {
    const tied = await access.find(await callerOf(req), e => reportedKinds.has(e.kind.toLocaleLowerCase('en-US')) && hasKubernetesAnnotation(e));
    const list = await Promise.all(tied.map(async e => (await reportCache.get(e, stringifyEntityRef(e))).report));
    res.json({ entities: list.map(entityMeshSummary), errors: withConfigErrors(list.flatMap(r => r.errors)) });
  });

  router.get('/v1/clusters', async (_req, res) => {
    res.json({ clusters: await reports.getClusters(), errors: reports.configErrors() });
  });

  // Anything else is a 404 that says so, rather than an empty answer.
  router.use(req => {
    throw new NotFoundError(`No route ${req.method} ${req.path.slice(0, 200)} in the service-mesh API (see /v1/entities/:kind/:namespace/:name)`);
  });

  return router;
}
