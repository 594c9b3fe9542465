import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { EntityReportService } from './services/EntityReportService';

const entityParams = z.object({
  kind: z.string().max(63).regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'kind must be letters and digits'),
  namespace: z.string().max(63).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'namespace must be a DNS label'),
  name: z.string().max(63).regex(/^[a-zA-Z0-9]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?$/, 'name must be letters, digits, "-", "_" or "."'),
});

/** Router of `/api/service-mesh`: validates input, reads the entity as the caller, serialises. */
export function createRouter(options: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  reports: EntityReportService;
}): express.Router {
  const { httpAuth, catalog, reports } = options;
  const router = Router();
  router.use(express.json());

  router.get('/v1/entities/:kind/:namespace/:name', async (req, res) => {
    const parsed = entityParams.safeParse(req.params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`Invalid entity ${issue.path.join('.')}: ${issue.message}`);
    }
    const credentials = await httpAuth.credentials(req);
    const ref = stringifyEntityRef(parsed.data);
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) throw new NotFoundError(`No entity ${ref} (or you may not see it)`);
    res.json(await reports.getReport(entity, stringifyEntityRef(entity)));
  });

  return router;
}
