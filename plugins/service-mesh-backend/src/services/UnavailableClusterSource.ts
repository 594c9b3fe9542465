import { ClusterSource, ClusterState } from './ClusterSource';

/** A configured cluster that this version cannot read; named in every report's `errors`. */
export class UnavailableClusterSource implements ClusterSource {
  constructor(readonly name: string, private readonly reason: string) {}

  async getState(): Promise<ClusterState> {
    return { name: this.name, now: new Date(), errors: [{ source: `cluster:${this.name}`, message: this.reason }] };
  }
}
