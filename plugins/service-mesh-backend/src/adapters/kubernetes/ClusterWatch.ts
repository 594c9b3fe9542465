import type * as k8s from '@kubernetes/client-node';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterObjects,
  emptyClusterObjects,
  KubeObject,
  SourceErrorReport,
} from '@meshlens/plugin-service-mesh-common';
import { stripCustomObject, stripObject } from './stripObject';
import { Apis, WATCHED_KINDS, WatchedKind } from './watchedKinds';
import { CUSTOM_KINDS, CustomKind } from './watchedCustomKinds';

type Informer = k8s.Informer<k8s.KubernetesObject> & k8s.ObjectCache<k8s.KubernetesObject>;

const MAX_BACKOFF_MS = 30_000;

/**
 * List + watch caches for one cluster, one informer per kind, shared by every entity and user.
 * An informer that fails (API server down, 403) is restarted with exponential back-off; its
 * error is reported until it reconnects.
 */
export class ClusterWatch {
  private readonly informers = new Map<string, Informer>();
  /** Custom kinds whose CRD is served, with the version in use. */
  private readonly customInformers = new Map<CustomKind, Informer>();
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
  ) {}

  /** Starts every informer; resolves when each has listed once or failed once. */
  async start(): Promise<void> {
    const apis: Apis = {
      core: this.kc.makeApiClient(this.client.CoreV1Api),
      apps: this.kc.makeApiClient(this.client.AppsV1Api),
      batch: this.kc.makeApiClient(this.client.BatchV1Api),
    };
    await Promise.all([
      ...WATCHED_KINDS.map(kind => this.startKind(kind, apis)),
      ...CUSTOM_KINDS.map(kind => this.startCustomKind(kind)),
    ]);
  }

  /** Watches a custom kind when one of its versions is served; an absent CRD is normal. */
  private async startCustomKind(kind: CustomKind): Promise<void> {
    const custom = this.kc.makeApiClient(this.client.CustomObjectsApi);
    for (const version of kind.versions) {
      const list = () => custom.listClusterCustomObject({ group: kind.group, version, plural: kind.plural }) as Promise<any>;
      try {
        await custom.listClusterCustomObject({ group: kind.group, version, plural: kind.plural, limit: 1 });
      } catch (err) {
        if ((err as { code?: number }).code === 404) continue;
        this.logger.warn('Custom resource not readable', { cluster: this.cluster, kind: kind.kind, group: kind.group, error: describe(err) });
        return;
      }
      const informer = this.client.makeInformer(this.kc, `/apis/${kind.group}/${version}/${kind.plural}`, list) as Informer;
      const changed = () => { this.generation++; };
      for (const verb of ['add', 'update', 'delete'] as const) informer.on(verb, changed);
      informer.on('error', () => {
        const timer = setTimeout(() => { this.timers.delete(timer); if (!this.stopped) informer.start().catch(() => undefined); }, 5000);
        this.timers.add(timer);
      });
      this.customInformers.set(kind, informer);
      await informer.start().catch(() => undefined);
      this.generation++;
      return;
    }
  }

  /** Whether Linkerd's policy CRDs are served. */
  policyCrdsServed(): boolean {
    return [...this.customInformers.keys()].some(k => k.group === 'policy.linkerd.io');
  }

  private async startKind(kind: WatchedKind, apis: Apis): Promise<void> {
    const ns = this.controlPlaneNamespace;
    const informer = this.client.makeInformer(this.kc, kind.path(ns), () => kind.list(apis, ns)) as Informer;
    this.informers.set(kind.kind, informer);
    const changed = () => { this.generation++; };
    for (const verb of ['add', 'update', 'delete'] as const) informer.on(verb, changed);
    let backoff = 1000;
    let failures = 0;
    // start() lists and then watches; it resolves even when the list failed (the error arrives
    // through the 'error' callback), so a start counts as synced only if no error came with it.
    const run = async () => {
      const before = failures;
      try {
        await informer.start();
      } catch (err) {
        this.failures.set(kind.kind, describe(err));
        return;
      }
      if (failures === before) {
        backoff = 1000;
        if (this.failures.has(kind.kind)) this.logger.info('Kubernetes watch recovered', { cluster: this.cluster, kind: kind.kind });
        this.markSynced(kind.kind);
      }
    };
    informer.on('error', (err: unknown) => {
      failures++;
      if (this.stopped) return;
      this.failures.set(kind.kind, describe(err));
      this.generation++;
      this.logger.warn('Kubernetes watch failed; retrying', { cluster: this.cluster, kind: kind.kind, error: describe(err), retryMs: backoff });
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!this.stopped) void run();
      }, backoff);
      this.timers.add(timer);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    });
    await run();
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
    return this.synced.size === WATCHED_KINDS.length;
  }

  /** The cached objects, stripped to what the domain reads. */
  objects(): ClusterObjects {
    const out = emptyClusterObjects();
    for (const kind of WATCHED_KINDS) {
      const items = this.informers.get(kind.kind)?.list() ?? [];
      (out[kind.field] as KubeObject[]) = items.map(i => stripObject(kind.kind, i as Record<string, any>));
    }
    for (const [kind, informer] of this.customInformers) {
      out.policies[kind.field].push(...informer.list().map(i => stripCustomObject(i as Record<string, any>)));
    }
    return out;
  }

  /** One error per kind that is not being watched right now; one for the cluster when all fail. */
  errors(): SourceErrorReport[] {
    const failures = [...this.failures];
    if (failures.length === WATCHED_KINDS.length) {
      const first = failures[0][1];
      const reason = first.includes('reason: ') ? first.slice(first.indexOf('reason: ') + 8) : first;
      return [{ source: `cluster:${this.cluster}`, message: `unreachable (no kind could be listed): ${reason}` }];
    }
    return failures.map(([kind, message]) => ({ source: `cluster:${this.cluster}/${kind}`, message }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    await Promise.all([...this.informers.values(), ...this.customInformers.values()].map(i => i.stop().catch(() => undefined)));
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
