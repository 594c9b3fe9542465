/** One sample of an instant vector. */
export interface VectorSample {
  metric: Record<string, string>;
  value: number;
}

/** One series of a range result. */
export interface MatrixSeries {
  metric: Record<string, string>;
  values: Array<[number, number]>;
}

/** A Prometheus failure, named for `errors[]`. */
export class PrometheusError extends Error {}

/**
 * Minimal Prometheus HTTP API client (native fetch): URL-encoded queries, a timeout per request,
 * and clear errors for unreachable, slow or malformed answers.
 */
export class PrometheusClient {
  constructor(private readonly baseUrl: string, private readonly timeoutMs: number) {}

  async instant(query: string, time?: number): Promise<VectorSample[]> {
    const params = new URLSearchParams({ query });
    if (time !== undefined) params.set('time', String(time));
    const data = await this.get('query', params, 'vector');
    return data.result.map((r: any) => ({ metric: r.metric ?? {}, value: Number(r.value?.[1]) }));
  }

  /** A range query: one sample list per series. */
  async range(query: string, start: number, end: number, step: number): Promise<MatrixSeries[]> {
    const params = new URLSearchParams({ query, start: String(start), end: String(end), step: String(step) });
    const data = await this.get('query_range', params, 'matrix');
    return data.result.map((r: any) => ({ metric: r.metric ?? {}, values: (r.values ?? []).map((v: any) => [Number(v[0]), Number(v[1])]) }));
  }

  /**
   * The running configuration as YAML (`/api/v1/status/config`). Proxies in front of Prometheus,
   * Thanos or Mimir may refuse or lack it: the caller falls back.
   */
  async config(): Promise<string> {
    const data = await this.get('status/config', new URLSearchParams());
    if (typeof data?.yaml !== 'string') throw new PrometheusError(`Prometheus ${this.baseUrl} returned no configuration YAML`);
    return data.yaml;
  }

  private async get(path: string, params: URLSearchParams, resultType?: string): Promise<any> {
    const query = params.toString();
    const url = `${this.baseUrl.replace(/\/+$/, '')}/api/v1/${path}${query ? `?${query}` : ''}`;
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { Accept: 'application/json' } });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      if (err.name === 'TimeoutError') throw new PrometheusError(`Prometheus ${this.baseUrl} did not answer within ${this.timeoutMs} ms`);
      throw new PrometheusError(`Prometheus ${this.baseUrl} unreachable: ${err.cause?.code ?? err.cause?.message ?? err.message}`);
    }
    let body: any;
    try {
      body = await res.json();
    } catch (e) {
      if ((e as Error).name === 'TimeoutError') throw new PrometheusError(`Prometheus ${this.baseUrl} did not answer within ${this.timeoutMs} ms`);
      throw new PrometheusError(`Prometheus ${this.baseUrl} answered ${res.status} with a body that is not JSON`);
    }
    if (!res.ok || body?.status !== 'success') {
      throw new PrometheusError(`Prometheus ${this.baseUrl} answered ${res.status}: ${body?.error ?? 'unexpected response'}`);
    }
    if (resultType === undefined) return body.data;
    if (body.data?.resultType !== resultType || !Array.isArray(body.data.result)) {
      throw new PrometheusError(`Prometheus ${this.baseUrl} returned ${body.data?.resultType ?? 'no'} data where a ${resultType} was expected`);
    }
    return body.data;
  }
}
