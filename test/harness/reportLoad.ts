// Light continuous load on the backend: one GET at a time at a fixed rate over a list of paths,
// recording every answer (status, time, the sources named in `errors[]`) or the failure to get one.
export interface LoadSample {
  at: number;
  path: string;
  /** HTTP status, or 0 when no answer came (connection refused, reset, timeout). */
  status: number;
  ms: number;
  errorSources: string[];
  /** `source: message` of each entry of `errors[]`. */
  errors: string[];
  failure?: string;
}

export interface ReportLoad {
  samples: LoadSample[];
  /** Samples that started at or after `at` (ms since the epoch). */
  since(at: number): LoadSample[];
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Starts the load; `rps` is the target rate, `timeoutMs` the bound on one request. */
export function startReportLoad(opts: { baseUrl: string; token: string; paths: string[]; rps: number; timeoutMs: number }): ReportLoad {
  const samples: LoadSample[] = [];
  let stopped = false;
  const one = async (path: string) => {
    const at = Date.now();
    try {
      const res = await fetch(`${opts.baseUrl}${path}`, { headers: { Authorization: `Bearer ${opts.token}` }, signal: AbortSignal.timeout(opts.timeoutMs) });
      const text = await res.text();
      let errors: Array<{ source: string; message: string }> = [];
      try { errors = JSON.parse(text).errors ?? []; } catch { /* not a report */ }
      samples.push({ at, path, status: res.status, ms: Date.now() - at, errorSources: errors.map(e => e.source), errors: errors.map(e => `${e.source}: ${e.message}`) });
    } catch (e) {
      samples.push({ at, path, status: 0, ms: Date.now() - at, errorSources: [], errors: [], failure: (e as Error).message });
    }
  };
  const loop = (async () => {
    for (let i = 0; !stopped; i++) {
      const started = Date.now();
      await one(opts.paths[i % opts.paths.length]);
      await sleep(Math.max(0, 1000 / opts.rps - (Date.now() - started)));
    }
  })();
  return {
    samples,
    since: at => samples.filter(s => s.at >= at),
    async stop() { stopped = true; await loop; },
  };
}
