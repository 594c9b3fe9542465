import { ClusterSource, ClusterState } from './ClusterSource';

/**
 * A located cluster Meshlens cannot read (a client-side auth provider, a missing credential):
 * listed in `/v1/clusters` and in `errors[]` with the reason, never silently skipped.
 */
export class UnreadableClusterSource implements ClusterSource {
  readonly kind = 'kubernetes' as const;

  constructor(
    readonly name: string,
    private readonly reason: string,
  ) {}

  async getState(): Promise<ClusterState> {
    return { name: this.name, now: new Date(), synced: false, errors: [{ source: `cluster:${this.name}`, message: this.reason }] };
  }
}
