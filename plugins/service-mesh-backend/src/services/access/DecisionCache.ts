import { createHash } from 'node:crypto';
import { BackstageCredentials, PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult, Permission } from '@backstage/plugin-permission-common';

/** One question to the permission framework: a basic permission, or a resource permission on one entity. */
export interface AccessQuery {
  permission: Permission;
  /** The entity ref, for resource permissions such as `catalog.entity.read`. */
  resourceRef?: string;
}

/** The caller as the cache knows it: the token they presented, and their verified credentials. */
export interface Caller {
  /** The raw bearer token; undefined (e.g. no Authorization header) disables caching for the call. */
  token?: string;
  credentials: BackstageCredentials;
}

/** How long a decision is reused, and how many are kept. */
export const DECISION_TTL_MS = 5_000;
export const DECISION_CACHE_SIZE = 50_000;

type Entry = { at: number; result: Promise<AuthorizeResult> };

/**
 * Permission decisions per caller token for a few seconds, so the parallel calls of one portal
 * page (and the many entities of a rollup) cost one permission round trip. Keyed by a hash of
 * the token, the permission name and the resourceRef (`*` for the policy's decision without a
 * resource); ALLOW and DENY are both cached (CONDITIONAL too, for {@link DecisionCache.policy}),
 * an error never is (the entry is dropped, the caller sees it). Calls in flight are shared. Every
 * miss of one call goes to the permission backend in ONE request. Bounded: the oldest entries go
 * first. A revoked permission is therefore seen within {@link DECISION_TTL_MS}.
 */
export class DecisionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly permissions: PermissionsService,
    private readonly ttlMs = DECISION_TTL_MS,
    private readonly maxEntries = DECISION_CACHE_SIZE,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Definitive decisions, one per query in order (a resource permission with its resourceRef is
   * resolved by the permission backend, conditions included); misses go out in ONE `authorize`.
   */
  authorize(caller: Caller, queries: AccessQuery[]): Promise<AuthorizeResult[]> {
    return this.cached(caller, queries.map(q => ({ query: q, id: `${q.permission.name}\n${q.resourceRef ?? ''}` })), (c, missing) => this.ask(c, missing));
  }

  /**
   * The policy's decision for each permission without a resource: ALLOW or DENY (then valid for
   * every resource of that type), or CONDITIONAL (ask {@link DecisionCache.authorize} per
   * resource). Misses go out in ONE `authorizeConditional`.
   */
  policy(caller: Caller, permissions: Permission[]): Promise<AuthorizeResult[]> {
    return this.cached(caller, permissions.map(permission => ({ query: { permission }, id: `${permission.name}\n*` })), (c, missing) => this.askPolicy(c, missing));
  }

  private async cached(
    caller: Caller,
    items: { query: AccessQuery; id: string }[],
    ask: (caller: Caller, queries: AccessQuery[]) => Promise<AuthorizeResult[]>,
  ): Promise<AuthorizeResult[]> {
    if (items.length === 0) return [];
    if (!caller.token) return ask(caller, items.map(i => i.query));
    const tokenHash = createHash('sha256').update(caller.token).digest('base64url');
    const now = this.now();
    const results: Promise<AuthorizeResult>[] = [];
    const missing: { key: string; query: AccessQuery; index: number }[] = [];
    const seen = new Map<string, number>();
    items.forEach(({ query, id }, index) => {
      const key = `${tokenHash}\n${id}`;
      const entry = this.entries.get(key);
      if (entry && now - entry.at <= this.ttlMs) {
        results[index] = entry.result;
        return;
      }
      const first = seen.get(key);
      if (first !== undefined) {
        results[index] = results[first];
        return;
      }
      seen.set(key, index);
      missing.push({ key, query, index });
    });
    if (missing.length > 0) {
      const batch = ask(caller, missing.map(m => m.query));
      missing.forEach(({ key, index }, i) => {
        const result = batch.then(r => r[i]);
        results[index] = result;
        this.remember(key, { at: now, result });
        result.catch(() => {
          if (this.entries.get(key)?.result === result) this.entries.delete(key);
        });
      });
    }
    return Promise.all(results);
  }

  /** Entries currently held (for tests and the bench). */
  get size(): number {
    return this.entries.size;
  }

  private async askPolicy(caller: Caller, queries: AccessQuery[]): Promise<AuthorizeResult[]> {
    const decisions = await this.permissions.authorizeConditional(queries.map(q => ({ permission: q.permission })) as any, { credentials: caller.credentials });
    return decisions.map(d => d.result);
  }

  private async ask(caller: Caller, queries: AccessQuery[]): Promise<AuthorizeResult[]> {
    const decisions = await this.permissions.authorize(
      queries.map(q => (q.resourceRef ? { permission: q.permission, resourceRef: q.resourceRef } : { permission: q.permission })) as any,
      { credentials: caller.credentials },
    );
    return decisions.map(d => d.result);
  }

  private remember(key: string, entry: Entry) {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size <= this.maxEntries) return;
    // Map iteration is insertion order: expired entries and then the oldest go first.
    const now = this.now();
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries * 0.9 && now - e.at <= this.ttlMs) break;
      this.entries.delete(k);
    }
  }
}
