import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogEntry, CatalogGraph } from '@meshlens/plugin-service-mesh-common';

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

/**
 * The catalog's entities and east-west edges (dependsOn; consumesApi joined with providesApi),
 * read with the plugin's own credentials and cached for `ttlMs`: the triggers look at
 * relations beyond what the caller may see, and only counts and refs leave the backend.
 * The TTL runs on the monotonic clock (wall-clock jumps do not freeze it).
 */
export class CatalogGraphService {
  private cached?: { at: number; graph: Promise<CatalogGraph> };

  constructor(private readonly catalog: CatalogService, private readonly auth: AuthService, private readonly ttlMs = 60_000) {}

  get(): Promise<CatalogGraph> {
    if (!this.cached || performance.now() - this.cached.at > this.ttlMs) {
      const graph = this.load();
      this.cached = { at: performance.now(), graph };
      graph.catch(() => { this.cached = undefined; });
    }
    return this.cached.graph;
  }

  private async load(): Promise<CatalogGraph> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const { items } = await this.catalog.getEntities(
      { filter: { kind: ['Component', 'Resource', 'API', 'System'] }, fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.tags', 'metadata.annotations', 'spec.owner', 'spec.lifecycle', 'spec.type', 'spec.system', 'relations'] },
      { credentials },
    );
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
}
