import { CatalogService } from '@backstage/plugin-catalog-node';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { serviceMeshEntityReadPermission } from '@meshlens/plugin-service-mesh-common';
import { CatalogGraphService, CatalogView, refKey } from '../CatalogGraphService';
import { Caller, DecisionCache } from './DecisionCache';

/** The 404 of an entity that does not exist or that the caller may not see. */
const notFound = (ref: string) => new NotFoundError(`No entity ${ref} (or you may not see it)`);

/** The 403 of every route for a caller without `service-mesh.entity.read`. */
export const meshReadDenied = () => new NotAllowedError('Not allowed to read service mesh data (service-mesh.entity.read)');

/**
 * What a caller may see, answered from the plugin's catalog snapshot and the permission
 * framework rather than a catalog read per request: an entity is visible when
 * `catalog.entity.read` is ALLOW for the caller, unconditionally or for its ref (the permission
 * backend applies conditional policies such as "owners only"). Decisions come from a
 * {@link DecisionCache}.
 * An entity not (yet) in the snapshot is read from the catalog with the caller's credentials.
 */
export class EntityAccess {
  constructor(
    private readonly catalog: CatalogService,
    private readonly snapshot: CatalogGraphService,
    private readonly decisions: DecisionCache,
  ) {}

  /** Throws the 403 unless the caller holds `service-mesh.entity.read`. */
  async requireMeshRead(caller: Caller): Promise<void> {
    const [mesh] = await this.decisions.policy(caller, [serviceMeshEntityReadPermission]);
    if (mesh !== AuthorizeResult.ALLOW) throw meshReadDenied();
  }

  /**
   * The entity `ref` if the caller may read mesh data and see it. One request asks the policy
   * for both permissions: an unconditional ALLOW or DENY of `catalog.entity.read` holds for
   * every entity; a CONDITIONAL one (e.g. owners only) is resolved for this entity's ref by the
   * permission backend. Cached decisions make no request. Invisible and unknown are the same 404.
   */
  async entity(caller: Caller, ref: string): Promise<Entity> {
    const view = await this.view();
    const entity = view?.byRef.get(refKey(ref));
    if (!entity) return this.fromCatalog(caller, ref);
    const [mesh, read] = await this.decisions.policy(caller, [serviceMeshEntityReadPermission, catalogEntityReadPermission]);
    if (mesh !== AuthorizeResult.ALLOW) throw meshReadDenied();
    if (read === AuthorizeResult.ALLOW) return entity;
    if (read === AuthorizeResult.CONDITIONAL) {
      const [decided] = await this.decisions.authorize(caller, [{ permission: catalogEntityReadPermission, resourceRef: stringifyEntityRef(entity) }]);
      if (decided === AuthorizeResult.ALLOW) return entity;
    }
    throw notFound(ref);
  }

  /** The entities the caller may see, in order; at most one `authorize` call for every uncached ref. */
  async visible(caller: Caller, entities: Entity[]): Promise<Entity[]> {
    if (entities.length === 0) return [];
    const [read] = await this.decisions.policy(caller, [catalogEntityReadPermission]);
    if (read === AuthorizeResult.ALLOW) return entities;
    if (read !== AuthorizeResult.CONDITIONAL) return [];
    const results = await this.decisions.authorize(
      caller,
      entities.map(e => ({ permission: catalogEntityReadPermission, resourceRef: stringifyEntityRef(e) })),
    );
    return entities.filter((_, i) => results[i] === AuthorizeResult.ALLOW);
  }

  /** The snapshot's entities that match `filter` and the caller may see. */
  async find(caller: Caller, filter: (e: Entity) => boolean): Promise<Entity[]> {
    const view = await this.snapshot.view();
    return this.visible(caller, [...view.byRef.values()].filter(filter));
  }

  /** Entities owning-related to any of `groupRefs` (ownedBy), visible to the caller. */
  async ownedBy(caller: Caller, groupRefs: string[]): Promise<Entity[]> {
    const view = await this.snapshot.view();
    const owned = new Set(groupRefs.flatMap(g => view.ownedBy.get(refKey(g)) ?? []));
    return this.visible(caller, [...owned]);
  }

  /** Snapshot entities whose `backstage.io/kubernetes-id` is one of `ids`, visible to the caller. */
  async withKubernetesIds(caller: Caller, ids: string[]): Promise<Entity[]> {
    const view = await this.snapshot.view();
    return this.visible(caller, [...new Set(ids)].flatMap(id => view.byKubernetesId.get(id) ?? []));
  }

  /** Entities by ref that the caller may see (snapshot first, the catalog for the rest). */
  async byRefs(caller: Caller, refs: string[]): Promise<Entity[]> {
    const view = await this.view();
    const known = refs.map(r => view?.byRef.get(refKey(r))).filter((e): e is Entity => e !== undefined);
    const unknown = refs.filter(r => !view?.byRef.has(refKey(r)));
    const read = unknown.length > 0 ? (await this.catalog.getEntitiesByRefs({ entityRefs: unknown }, { credentials: caller.credentials })).items : [];
    return [...(await this.visible(caller, known)), ...read.filter((e): e is Entity => e !== undefined)];
  }

  /** A snapshot failure is not the caller's: they get the catalog path instead. */
  private async view(): Promise<CatalogView | undefined> {
    return this.snapshot.view().catch(() => undefined);
  }

  /** Not in the snapshot (just registered, or another kind): the catalog, as the caller. */
  private async fromCatalog(caller: Caller, ref: string): Promise<Entity> {
    await this.requireMeshRead(caller);
    const entity = await this.catalog.getEntityByRef(ref, { credentials: caller.credentials });
    if (!entity) throw notFound(ref);
    return entity;
  }
}
