import { createHash } from 'node:crypto';
import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogEntry, CatalogGraph, KUBERNETES_ANNOTATIONS } from '@meshlens/plugin-service-mesh-common';

/** An entity of the catalog as the adoption model reads it. */
export function catalogEntry(e: Entity): CatalogEntry {
  const spec = (e.spec ?? {}) as { owner?: string; lifecycle?: string; type?: string; system?: string };
  const ref = (target: string, kind: string) => stringifyEntityRef(parseEntityRef(target, { defaultKind: kind, defaultNamespace: e.metadata.namespace ?? 'default' }));
  return {
    ref: stringifyEntityRef(e),
    kind: e.kind,
    type: spec.type,
    owner: spec.owner ? ref(spec.owner, 'group') : undefined,
    system: spec.system ? ref(spec.system, 'system') : undefined,
    lifecycle: spec.lifecycle,
    tags: e.metadata.tags ?? [],
    annotations: e.metadata.annotations ?? {},
  };
}

/** The kinds the adoption graph is made of. */
const GRAPH_KINDS = ['component', 'resource', 'api', 'system'];
/** The kinds kept in the snapshot: the graph's, and groups for team rollups. */
export const SNAPSHOT_KINDS = ['Component', 'Resource', 'API', 'System', 'Group'];

/** Lookup key of an entity ref: the catalog compares refs case-insensitively. */
export const refKey = (ref: string) => ref.toLocaleLowerCase('en-US');

/** One load of the catalog, read with the plugin's own credentials. */
export interface CatalogView {
  /** Changes only when an entity of the snapshot changed (etags), not on every reload. */
  generation: number;
  /** Every entity of {@link SNAPSHOT_KINDS}, by {@link refKey}. */
  byRef: Map<string, Entity>;
  /** Entities by the lower-cased ref of each group in their `ownedBy` relations. */
  ownedBy: Map<string, Entity[]>;
  /** Entities by their `backstage.io/kubernetes-id` annotation. */
  byKubernetesId: Map<string, Entity[]>;
  graph: CatalogGraph;
}

function graphOf(items: Entity[]): CatalogGraph {
  const entities = new Map(items.map(e => [stringifyEntityRef(e), catalogEntry(e)]));
  const providers = new Map<string, string[]>();
  for (const e of items) {
    for (const r of e.relations ?? []) if (r.type === 'providesApi') providers.set(r.targetRef, [...(providers.get(r.targetRef) ?? []), stringifyEntityRef(e)]);
  }
  const edges: CatalogGraph['edges'] = [];
  for (const e of items) {
    const from = stringifyEntityRef(e);
    for (const r of e.relations ?? []) {
      if (r.type === 'dependsOn') edges.push({ from, to: r.targetRef });
      if (r.type === 'consumesApi') for (const to of providers.get(r.targetRef) ?? []) edges.push({ from, to });
    }
  }
  return { entities, edges };
}

/**
 * The plugin's snapshot of the catalog: entities of {@link SNAPSHOT_KINDS} read with the plugin's
 * own credentials, and the east-west graph (dependsOn; consumesApi joined with providesApi). The
 * adoption triggers look at relations beyond what the caller may see (only counts and refs leave
 * the backend); entity routes look entities up here and check the caller's access per entity
 * with the permission framework instead of reading the catalog per request.
 *
 * Refreshed every `ttlMs` on the monotonic clock: after the TTL the previous view is served while
 * one reload runs; a failed reload drops the view (the next caller loads afresh and sees the error).
 */
export class CatalogGraphService {
  private cached?: { at: number; view: Promise<CatalogView>; reloading?: boolean };
  private last?: { digest: string; view: CatalogView };

  constructor(private readonly catalog: CatalogService, private readonly auth: AuthService, readonly ttlMs = 10_000) {}

  /** The adoption graph of the current view. */
  async get(): Promise<CatalogGraph> {
    return (await this.view()).graph;
  }

  /** The current view (stale for at most one reload after the TTL). */
  view(): Promise<CatalogView> {
    if (!this.cached) {
      this.cached = { at: performance.now(), view: this.load() };
      const entry = this.cached;
      entry.view.catch(() => { if (this.cached === entry) this.cached = undefined; });
    } else if (performance.now() - this.cached.at > this.ttlMs && !this.cached.reloading) {
      const entry = this.cached;
      entry.reloading = true;
      this.load().then(
        view => { if (this.cached === entry) this.cached = { at: performance.now(), view: Promise.resolve(view) }; },
        () => { if (this.cached === entry) this.cached = undefined; },
      );
    }
    return this.cached.view;
  }

  private async load(): Promise<CatalogView> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const { items } = await this.catalog.getEntities({ filter: { kind: SNAPSHOT_KINDS } }, { credentials });
    const digest = createHash('sha256').update(items.map(e => `${stringifyEntityRef(e)} ${e.metadata.etag ?? JSON.stringify(e)}`).sort().join('\n')).digest('base64url');
    if (this.last?.digest === digest) return this.last.view;
    const byRef = new Map(items.map(e => [refKey(stringifyEntityRef(e)), e]));
    const ownedBy = new Map<string, Entity[]>();
    const byKubernetesId = new Map<string, Entity[]>();
    const add = (index: Map<string, Entity[]>, key: string, e: Entity) => {
      const list = index.get(key);
      if (list) list.push(e);
      else index.set(key, [e]);
    };
    for (const e of items) {
      for (const r of e.relations ?? []) if (r.type === 'ownedBy') add(ownedBy, refKey(r.targetRef), e);
      const id = e.metadata.annotations?.[KUBERNETES_ANNOTATIONS.id];
      if (id) add(byKubernetesId, id, e);
    }
    const graph = graphOf(items.filter(e => GRAPH_KINDS.includes(e.kind.toLocaleLowerCase('en-US'))));
    const view = { generation: (this.last?.view.generation ?? 0) + 1, byRef, ownedBy, byKubernetesId, graph };
    this.last = { digest, view };
    return view;
  }
}
