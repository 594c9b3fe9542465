import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterConfig } from '../config/ServiceMeshConfig';
import { ClusterSource } from './ClusterSource';
import { UnreadableClusterSource } from './UnreadableClusterSource';

/** What one run of the locators found: clusters, clusters refused with a reason, locator failures. */
export interface Located {
  clusters: ClusterConfig[];
  refused: Array<{ name: string; reason: string }>;
  /** A failing locator keeps its last clusters; `key` names it in `/v1/clusters`. */
  failures: Array<{ key: string; message: string }>;
}

interface Entry { fingerprint: string; source: ClusterSource }

const stopOf = (s: ClusterSource) => (s as { stop?: () => Promise<void> }).stop?.();

/**
 * The configured clusters plus those found by the catalog and GKE locators, re-read every
 * `refreshMs`. `sources` is one array updated in place, so every holder of it sees located
 * clusters come and go; a cluster whose settings changed is restarted, one that vanished is
 * stopped. A configured cluster wins over a located one of the same name.
 */
export class ClusterRegistry {
  readonly sources: ClusterSource[];
  private located = new Map<string, Entry>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly configured: ClusterSource[],
    private readonly locate: () => Promise<Located>,
    private readonly create: (c: ClusterConfig) => ClusterSource,
    private readonly logger: LoggerService,
  ) {
    this.sources = [...configured];
  }

  /** Runs the locators once and applies what they found. */
  async refresh(): Promise<void> {
    let found: Located;
    try {
      found = await this.locate();
    } catch (e) {
      this.logger.warn('Cluster locators failed; keeping the clusters found before', { error: (e as Error).message });
      return;
    }
    const taken = new Set(this.configured.map(s => s.name));
    const next = new Map<string, Entry>();
    for (const c of found.clusters) {
      if (taken.has(c.name)) {
        this.logger.warn(`Duplicate cluster name '${c.name}' (${c.origin}): the configured one is used`);
        continue;
      }
      taken.add(c.name);
      const fingerprint = JSON.stringify(c);
      const old = this.located.get(c.name);
      if (old?.fingerprint === fingerprint) {
        next.set(c.name, old);
        continue;
      }
      this.logger.info(old ? 'Located cluster changed' : 'Located cluster added', { cluster: c.name, origin: c.origin ?? '' });
      next.set(c.name, { fingerprint, source: this.create(c) });
    }
    const extra = [
      ...found.refused.filter(r => !taken.has(r.name)).map(r => ({ name: r.name, reason: r.reason })),
      ...found.failures.map(f => ({ name: f.key, reason: `cluster locator failed: ${f.message}` })),
    ];
    for (const { name, reason } of extra) {
      const fingerprint = `refused:${reason}`;
      const old = this.located.get(name);
      next.set(name, old?.fingerprint === fingerprint ? old : { fingerprint, source: new UnreadableClusterSource(name, reason) });
    }
    for (const [name, old] of this.located) {
      if (next.get(name) !== old) {
        void stopOf(old.source);
        if (!next.has(name)) this.logger.info('Located cluster removed', { cluster: name });
      }
    }
    this.located = next;
    this.sources.splice(0, this.sources.length, ...this.configured, ...[...next.values()].map(e => e.source));
  }

  /** Refreshes now and then every `refreshMs` until `stop()`. */
  async start(refreshMs: number): Promise<void> {
    await this.refresh();
    const tick = () => {
      this.timer = setTimeout(() => { void this.refresh().finally(() => { if (this.timer) tick(); }); }, refreshMs);
      this.timer.unref();
    };
    tick();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.all([...this.located.values()].map(e => stopOf(e.source)));
  }
}
