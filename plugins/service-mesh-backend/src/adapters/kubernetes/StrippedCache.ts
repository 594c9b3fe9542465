import type * as k8s from '@kubernetes/client-node';
import { KubeObject } from '@meshlens/plugin-service-mesh-common';

/** What the cache calls back with. */
export interface CacheEvents {
  /** The cached set changed (list, add, update, delete). */
  changed(): void;
  /** The list or the watch failed; the owner decides when to `start()` again. */
  failed(err: unknown): void;
}

const keyOf = (o: { metadata?: { namespace?: string; name?: string } }) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

/**
 * A list + watch cache of one kind that keeps only the stripped objects (no `managedFields`, no
 * unused spec or status): list, then watch from the list's resourceVersion with bookmarks,
 * resume from the last seen resourceVersion when a watch ends normally, and list again when the
 * server answers 410 Gone. Errors go to `failed`; restarting with back-off is the owner's job.
 */
export class StrippedCache {
  private objects = new Map<string, KubeObject>();
  private resourceVersion = '';
  private controller?: AbortController;
  private stopped = false;

  constructor(
    private readonly watch: k8s.Watch,
    private readonly path: string,
    private readonly list: () => Promise<{ items: any[]; metadata?: { resourceVersion?: string } }>,
    private readonly strip: (raw: any) => KubeObject,
    private readonly events: CacheEvents,
  ) {}

  /** Lists (unless a resourceVersion can be resumed) and starts watching; rejects if the list fails. */
  async start(): Promise<void> {
    this.stopped = false;
    if (!this.resourceVersion) {
      const list = await this.list();
      this.objects = new Map(list.items.map(i => [keyOf(i), this.strip(i)]));
      this.resourceVersion = list.metadata?.resourceVersion ?? '';
      this.events.changed();
    }
    this.controller = await this.watch.watch(
      this.path,
      { resourceVersion: this.resourceVersion, allowWatchBookmarks: true },
      (phase, obj) => this.onEvent(phase, obj),
      err => this.onDone(err),
    );
  }

  private onEvent(phase: string, obj: any) {
    if (phase === 'ERROR') {
      if (obj?.code === 410) this.resourceVersion = '';
      return;
    }
    if (phase === 'ADDED' || phase === 'MODIFIED') {
      this.objects.set(keyOf(obj), this.strip(obj));
      this.events.changed();
    } else if (phase === 'DELETED') {
      this.objects.delete(keyOf(obj));
      this.events.changed();
    }
    const rv = obj?.metadata?.resourceVersion;
    if (rv && !(phase === 'ERROR')) this.resourceVersion = rv;
  }

  private onDone(err: any) {
    if (this.stopped) return;
    if (err && (err.code === 410 || err.statusCode === 410)) this.resourceVersion = '';
    else if (err) {
      this.events.failed(err);
      return;
    }
    // The server closed the watch (timeout) or sent 410: resume or list again.
    this.start().catch(e => this.events.failed(e));
  }

  items(): KubeObject[] {
    return [...this.objects.values()];
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort();
  }
}
