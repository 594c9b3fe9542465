// The HTTP load: autocannon (programmatic), N connections for S seconds, each request for an
// entity drawn from one seeded random sequence, so both plugins see the same entities in the
// same order. Figures come from autocannon's aggregate (latency in ms, HDR histogram).
import os from 'node:os';
import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface LoadResult {
  /** Responses received. */
  requests: number;
  /** Requests sent (includes those still in flight when the run ended). */
  sent: number;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** The machine's 1-minute load average when the load started (other work on the machine). */
  loadavgBefore: number;
}

/** A deterministic PRNG (mulberry32): the same seed gives the same entity sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs the load; `requestFor(k)` gives the request for the k-th entity of the sequence. With
 * `tokens`, the requests take turns over them (distinct callers) instead of using `token`.
 */
export async function runLoad(opts: {
  url: string; token: string; tokens?: string[]; connections: number; seconds: number; count: number; seed?: number; requestFor: (k: number) => LoadRequest;
}): Promise<LoadResult> {
  const random = seededRandom(opts.seed ?? 42);
  const tokens = opts.tokens ?? [];
  let turn = 0;
  const loadavgBefore = os.loadavg()[0];
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 30,
    headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' },
    requests: [{
      setupRequest: (req: any) => {
        const r = opts.requestFor(Math.floor(random() * opts.count));
        const headers = tokens.length ? { ...req.headers, authorization: `Bearer ${tokens[turn++ % tokens.length]}` } : req.headers;
        return { ...req, method: r.method, path: r.path, body: r.body, headers };
      },
    }],
  });
  return {
    requests: result.requests.total,
    sent: result.requests.sent,
    seconds: result.duration,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    loadavgBefore,
  };
}
