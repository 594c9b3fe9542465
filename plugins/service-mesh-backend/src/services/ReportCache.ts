import { createHash } from 'node:crypto';
import { EntityLike, EntityMeshReport } from '@meshlens/plugin-service-mesh-common';
import { EntityReportService } from './EntityReportService';

/** Width of the time bucket: certificate days and the 30-day rollout count depend on "now". */
export const REPORT_BUCKET_MS = 60_000;
const MAX_REPORTS = 20_000;

/** A built report and the ETag that names its inputs. */
export interface CachedReport {
  report: EntityMeshReport;
  etag: string;
}

/**
 * Entity reports computed once per change of their inputs: the key is the entity (its catalog
 * etag, or its content when it has none), the window, {@link EntityReportService.inputVersion}
 * and a {@link REPORT_BUCKET_MS} time bucket. `generatedAt` of a cached report is when it was
 * computed. Concurrent requests for the same key share one computation; a failed one is not
 * kept. One report per entity and window is kept, at most `maxReports`: the oldest go first.
 */
export class ReportCache {
  /** Per entity and window, the latest key and its report (older keys are not kept). */
  private readonly reports = new Map<string, { key: string; built: Promise<CachedReport> }>();

  constructor(
    private readonly service: EntityReportService,
    private readonly clock: () => Date = () => new Date(),
    private readonly maxReports = MAX_REPORTS,
  ) {}

  async get(entity: EntityLike & { metadata: { etag?: string } }, entityRef: string, windowSeconds = this.service.defaultWindowSeconds): Promise<CachedReport> {
    const { version, inputs } = await this.service.inputVersion(entity, windowSeconds);
    const bucket = Math.floor(this.clock().getTime() / REPORT_BUCKET_MS);
    const entityVersion = entity.metadata.etag ?? JSON.stringify(entity);
    const key = createHash('sha256').update(`${entityRef}\n${windowSeconds}\n${entityVersion}\n${version}\n${bucket}`).digest('base64url');
    const slot = `${entityRef}\n${windowSeconds}`;
    const found = this.reports.get(slot);
    if (found?.key === key) return found.built;
    const built = this.service.getReport(entity, entityRef, windowSeconds, inputs).then(report => ({ report, etag: `"${key.slice(0, 32)}"` }));
    this.reports.delete(slot);
    this.reports.set(slot, { key, built });
    built.catch(() => { if (this.reports.get(slot)?.built === built) this.reports.delete(slot); });
    if (this.reports.size > this.maxReports) {
      for (const k of this.reports.keys()) {
        this.reports.delete(k);
        if (this.reports.size <= this.maxReports * 0.9) break;
      }
    }
    return built;
  }
}
