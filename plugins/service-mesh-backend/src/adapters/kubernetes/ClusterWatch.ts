import type * as k8s from '@kubernetes/client-node';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterObjects,
  emptyClusterObjects,
  KubeObject,
  SourceErrorReport,
} from '@meshlens/plugin-service-mesh-common';
import { stripObject } from './stripObject';
import { StrippedCache } from './StrippedCache';
import { Apis, WATCHED_KINDS, WatchedKind } from './watchedKinds';
import { CUSTOM_KINDS, CustomKind, placeCustom, stripCustom } from './watchedCustomKinds';

const MAX_BACKOFF_MS = 30_000;

/**
 * List + watch caches for one cluster, one informer per kind, shared by every entity and user.
 * An informer that fails (API server down, 403) is restarted with exponential back-off; its
 * error is reported until it reconnects.
 */
export class ClusterWatch {
  private readonly caches = new Map<string, StrippedCache>();
  /** Custom kinds whose CRD is served. */
  private readonly customCaches = new Map<CustomKind, StrippedCache>();
  private readonly watcher: k8s.Watch;
  private readonly synced = new Set<string>();
  private readonly failures = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  /** Bumped on every change; consumers recompute only when it moved. */
  generation = 0;

  constructor(
    private readonly cluster: string,
    private readonly kc: k8s.KubeConfig,
    private readonly client: typeof k8s,
    private readonly controlPlaneNamespace: string,
    private readonly logger: LoggerService,
  ) {
    this.watcher = new client.Watch(kc);
  }

  /** Starts every cache; resolves when each has listed once or failed once. */
  async start(): Promise<void> {
    const apis: Apis = {
      core: this.kc.makeApiClient(this.client.CoreV1Api),
      apps: this.kc.makeApiClient(this.client.AppsV1Api),
      batch: this.kc.makeApiClient(this.client.BatchV1Api),
      admission: this.kc.makeApiClient(this.client.AdmissionregistrationV1Api),
    };
    await Promise.all([
      ...WATCHED_KINDS.map(kind => this.startKind(kind, apis)),
      ...CUSTOM_KINDS.map(kind => this.startCustomKind(kind)),
    ]);
  }

  /**
   * Watches a custom kind when one of its versions is served; an absent CRD (404 on every
   * version) is normal. Any other failure (unreachable, 403 from a restarting apiserver) leaves it
   * unknown whether the kind is served: it is reported and discovery retried with back-off.
   */
  private async startCustomKind(kind: CustomKind): Promise<void> {
    const name = `${kind.kind}.${kind.group}`;
    const custom = this.kc.makeApiClient(this.client.CustomObjectsApi);
    let backoff = 1000;
    const discover = async (): Promise<void> => {
      if (this.stopped) return;
      for (const version of kind.versions) {
        try {
          await custom.listClusterCustomObject({ group: kind.group, version, plural: kind.plural, limit: 1 });
        } catch (err) {
          if ((err as { code?: number }).code === 404) continue;
          this.failures.set(name, describe(err));
          this.generation++;
          this.logger.warn('Custom resource not readable; retrying', { cluster: this.cluster, kind: name, error: describe(err), retryMs: backoff });
          const timer = setTimeout(() => {
            this.timers.delete(timer);
            void discover();
          }, backoff);
          this.timers.add(timer);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
          return;
        }
        if (this.failures.delete(name)) this.generation++;
        const list = () => custom.listClusterCustomObject({ group: kind.group, version, plural: kind.plural }) as Promise<any>;
        this.customCaches.set(kind, await this.startCache(name, `/apis/${kind.group}/${version}/${kind.plural}`, list, raw => stripCustom(kind, raw)));
        return;
      }
      if (this.failures.delete(name)) this.generation++;
    };
    await discover();
  }

  /** Whether Linkerd's policy CRDs are served. */
  policyCrdsServed(): boolean {
    return [...this.customCaches.keys()].some(k => k.group === 'policy.linkerd.io');
  }

  /** One kind's cache, restarted with exponential back-off after a failure. */
  private async startCache(name: string, path: string, list: () => Promise<any>, strip: (raw: any) => KubeObject): Promise<StrippedCache> {
    let backoff = 1000;
    let failures = 0;
    const retry = { run: async () => {} };
    const failed = (err: unknown) => {
      failures++;
      if (this.stopped) return;
      this.failures.set(name, describe(err));
      this.generation++;
      this.logger.warn('Kubernetes watch failed; retrying', { cluster: this.cluster, kind: name, error: describe(err), retryMs: backoff });
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!this.stopped) void retry.run();
      }, backoff);
      this.timers.add(timer);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    };
    const cache = new StrippedCache(this.watcher, path, list, strip, { changed: () => { this.generation++; }, failed });
    // A start that listed but whose watch failed right away does not count as recovered.
    retry.run = async () => {
      const before = failures;
      try {
        await cache.start();
      } catch (err) {
        failed(err);
        return;
      }
      if (failures !== before) return;
      backoff = 1000;
      if (this.failures.has(name)) this.logger.info('Kubernetes watch recovered', { cluster: this.cluster, kind: name });
      this.markSynced(name);
    };
    await retry.run();
    return cache;
  }

  private async startKind(kind: WatchedKind, apis: Apis): Promise<void> {
    const ns = this.controlPlaneNamespace;
    const cache = await this.startCache(kind.kind, kind.path(ns), () => kind.list(apis, ns), raw => stripObject(kind.kind, raw));
    this.caches.set(kind.kind, cache);
  }

  private markSynced(kind: string) {
    this.synced.add(kind);
    this.failures.delete(kind);
    this.generation++;
  }

  /** Whether any kind has listed at least once (else nothing is known about the cluster). */
  hasListed(): boolean {
    return this.synced.size > 0;
  }

  /** Whether every kind has listed at least once. */
  isSynced(): boolean {
    return WATCHED_KINDS.every(k => this.synced.has(k.kind));
  }

  /** The cached objects, stripped to what the domain reads. */
  objects(): ClusterObjects {
    const out = emptyClusterObjects();
    for (const kind of WATCHED_KINDS) {
      (out[kind.field] as KubeObject[]) = this.caches.get(kind.kind)?.items() ?? [];
    }
    for (const [kind, cache] of this.customCaches) placeCustom(out, kind, cache.items());
    return out;
  }

  /**
   * One error per kind that is not being watched right now; one for the cluster when every kind
   * fails: unreachable when nothing was ever listed, else the cached state is still served.
   */
  errors(): SourceErrorReport[] {
    const failures = [...this.failures];
    if (WATCHED_KINDS.every(k => this.failures.has(k.kind))) {
      const first = this.failures.get(WATCHED_KINDS[0].kind)!;
      const reason = first.includes('reason: ') ? first.slice(first.indexOf('reason: ') + 8) : first;
      const message = this.hasListed()
        ? `connection lost (every watch failing, retrying): ${reason}; answering from the cached state`
        : `unreachable (no kind could be listed): ${reason}`;
      return [{ source: `cluster:${this.cluster}`, message }];
    }
    return failures.map(([kind, message]) => ({ source: `cluster:${this.cluster}/${kind}`, message }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    for (const cache of [...this.caches.values(), ...this.customCaches.values()]) cache.stop();
  }
}

function describe(err: unknown): string {
  const e = err as { code?: number; statusCode?: number; body?: any; message?: string };
  const status = e?.code ?? e?.statusCode;
  const body = typeof e?.body === 'string' ? safeJson(e.body) : e?.body;
  const message = body?.message ?? e?.message ?? String(err);
  return status ? `${status}: ${message}` : message;
}

function safeJson(text: string): any {
  try { return JSON.parse(text); } catch { return undefined; }
}
