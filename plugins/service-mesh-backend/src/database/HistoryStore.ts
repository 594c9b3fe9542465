import { DatabaseService, resolvePackagePath } from '@backstage/backend-plugin-api';
import { MeshHistoryPoint, Recommendation, TriggerId, EntityMeshState } from '@meshlens/plugin-service-mesh-common';
import { Knex } from 'knex';

const MIGRATIONS = resolvePackagePath('@meshlens/plugin-service-mesh-backend', 'migrations');

interface HistoryRow {
  entity_ref: string;
  recorded_at: Date | string | number;
  state: string;
  score: number | null;
  recommendation: string | null;
  triggers_fired: string;
  meshed_pod_ratio: number | string | null;
  mtls_inbound_ratio: number | string | null;
}

/** Mesh history and sent-notification keys in the plugin's database (SQLite or PostgreSQL). */
export class HistoryStore {
  static async create(database: DatabaseService): Promise<HistoryStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) await knex.migrate.latest({ directory: MIGRATIONS });
    return new HistoryStore(knex);
  }

  constructor(private readonly knex: Knex) {}

  async append(entityRef: string, p: MeshHistoryPoint): Promise<void> {
    await this.knex<HistoryRow>('mesh_history').insert({
      entity_ref: entityRef,
      recorded_at: new Date(p.recordedAt),
      state: p.state,
      score: p.score ?? null,
      recommendation: p.recommendation ?? null,
      triggers_fired: JSON.stringify(p.triggersFired),
      meshed_pod_ratio: p.meshedPodRatio ?? null,
      mtls_inbound_ratio: p.mtlsInboundRatio ?? null,
    });
  }

  /** The most recent points of an entity, oldest first. */
  async points(entityRef: string, limit: number): Promise<MeshHistoryPoint[]> {
    const rows = await this.knex<HistoryRow>('mesh_history')
      .where({ entity_ref: entityRef })
      .orderBy('recorded_at', 'desc')
      .limit(limit);
    return rows.reverse().map(toPoint);
  }

  async latest(entityRef: string): Promise<MeshHistoryPoint | undefined> {
    return (await this.points(entityRef, 1))[0];
  }

  async sentKeys(entityRef: string): Promise<Set<string>> {
    const rows = await this.knex('mesh_notifications_sent').where({ entity_ref: entityRef }).select('key');
    return new Set(rows.map(r => r.key as string));
  }

  /** Claims a notification key before sending; false when it was claimed (sent) before. */
  async markSent(entityRef: string, key: string, at: Date): Promise<boolean> {
    const inserted = await this.knex('mesh_notifications_sent')
      .insert({ entity_ref: entityRef, key, sent_at: at })
      .onConflict(['entity_ref', 'key'])
      .ignore()
      .returning('key');
    return inserted.length > 0;
  }

  /** Forgets a claimed key whose notification could not be sent, so the next run retries it. */
  async unmarkSent(entityRef: string, key: string): Promise<void> {
    await this.knex('mesh_notifications_sent').where({ entity_ref: entityRef, key }).delete();
  }

  /** Deletes points recorded before `before`; returns how many. */
  async prune(before: Date): Promise<number> {
    return this.knex('mesh_history').where('recorded_at', '<', before).delete();
  }
}

function toPoint(r: HistoryRow): MeshHistoryPoint {
  return {
    recordedAt: new Date(r.recorded_at).toISOString(),
    state: r.state as EntityMeshState,
    score: r.score ?? undefined,
    recommendation: (r.recommendation ?? undefined) as Recommendation | undefined,
    triggersFired: JSON.parse(r.triggers_fired) as TriggerId[],
    meshedPodRatio: r.meshed_pod_ratio === null ? undefined : Number(r.meshed_pod_ratio),
    mtlsInboundRatio: r.mtls_inbound_ratio === null ? undefined : Number(r.mtls_inbound_ratio),
  };
}
