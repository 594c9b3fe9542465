/** Scrape interval assumed when Prometheus does not say (its config is not readable). */
export const DEFAULT_SCRAPE_INTERVAL_SECONDS = 30;

/**
 * The step of a window's time series (about 60 points, at least 15 s) and the range each point's
 * `increase()` covers. `increase()` needs two samples in its range, so a range of one 15 s step
 * over a 10 s scrape is empty every other step. The range is therefore at least two scrape
 * intervals, and one scrape interval longer than the step so that consecutive ranges overlap by
 * a scrape: every increase between two samples falls inside some point's range.
 */
export function seriesSteps(windowSeconds: number, scrapeIntervalSeconds: number): { step: number; range: number } {
  const step = Math.max(15, Math.round(windowSeconds / 60));
  const scrape = Math.max(1, Math.ceil(scrapeIntervalSeconds));
  return { step, range: Math.max(step + scrape, 2 * scrape) };
}
