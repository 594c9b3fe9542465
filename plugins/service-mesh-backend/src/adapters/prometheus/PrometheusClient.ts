/** One sample of an instant vector. */
export interface VectorSample {
  metric: Record<string, string>;
  value: number;
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
    const url = `${this.baseUrl.replace(/\/+$/, '')}/api/v1/query?${params}`;
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { Accept: 'application/json' } });
    } catch (e) {
      const err = e as Error;
      const why = err.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : err.message;
      throw new PrometheusError(`Prometheus ${this.baseUrl} unreachable: ${why}`);
    }
    let body: any;
    try {
      body = await res.json();
    } catch {
      throw new PrometheusError(`Prometheus ${this.baseUrl} answered ${res.status} with a body that is not JSON`);
    }
    if (!res.ok || body?.status !== 'success') {
      throw new PrometheusError(`Prometheus ${this.baseUrl} answered ${res.status}: ${body?.error ?? 'unexpected response'}`);
    }
    if (body.data?.resultType !== 'vector' || !Array.isArray(body.data.result)) {
      throw new PrometheusError(`Prometheus ${this.baseUrl} returned ${body.data?.resultType ?? 'no'} data where a vector was expected`);
    }
    return body.data.result.map((r: any) => ({ metric: r.metric ?? {}, value: Number(r.value?.[1]) }));
  }
}
