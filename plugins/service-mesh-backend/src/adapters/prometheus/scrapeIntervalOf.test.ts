import { parsePrometheusDuration } from './parsePrometheusDuration';
import { scrapeIntervalOf } from './scrapeIntervalOf';
import { seriesSteps } from './seriesSteps';

// viz's bundled Prometheus: global `scrape_interval: 10s` (viz/charts/linkerd-viz/values.yaml,
// prometheus.globalConfig) and the proxies scraped by job `linkerd-proxy`
// (viz/charts/linkerd-viz/templates/prometheus.yaml), linkerd2 edge-25.10.7. A job without its own
// interval takes the global one (config/config.go, ScrapeConfig.Validate, Prometheus v0.316.0);
// `/api/v1/status/config` answers `{yaml}` (web/api/v1/api.go, serveConfig).
describe('scrapeIntervalOf', () => {
  const config = (job: string) => `global:\n  scrape_interval: 1m\n  evaluation_interval: 1m\nscrape_configs:\n- job_name: prometheus\n  scrape_interval: 5s\n${job}`;

  it("takes the linkerd-proxy job's own interval over the global one", () => {
    expect(scrapeIntervalOf(config('- job_name: linkerd-proxy\n  scrape_interval: 10s\n  kubernetes_sd_configs:\n  - role: pod\n'))).toBe(10);
  });
  it('falls back to the global interval without the job or without its interval', () => {
    expect(scrapeIntervalOf(config('- job_name: linkerd-proxy\n  honor_labels: true\n'))).toBe(60);
    expect(scrapeIntervalOf(config(''))).toBe(60);
  });
  it('is undefined for YAML that says nothing usable', () => {
    expect(scrapeIntervalOf('global: {}\n')).toBeUndefined();
    expect(scrapeIntervalOf(': : :\n  - [')).toBeUndefined();
    expect(scrapeIntervalOf('global:\n  scrape_interval: soon\n')).toBeUndefined();
  });
});

// Units and their order: model/time.go `ParseDuration` of github.com/prometheus/common v0.72.1.
describe('parsePrometheusDuration', () => {
  it('reads the units Prometheus writes', () => {
    expect(['10s', '1m', '1m30s', '1h', '500ms', '2d'].map(parsePrometheusDuration)).toEqual([10, 60, 90, 3600, 0.5, 172800]);
    expect(['', '0s', '10', 's', '1s1m', '-5s'].map(parsePrometheusDuration)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('seriesSteps', () => {
  it('covers at least two scrapes, and one scrape more than the step', () => {
    // 5m window, viz's 10 s scrape: a 15 s range held one sample every other step (no point).
    expect(seriesSteps(300, 10)).toEqual({ step: 15, range: 25 });
    expect(seriesSteps(900, 10)).toEqual({ step: 15, range: 25 });
    expect(seriesSteps(3600, 10)).toEqual({ step: 60, range: 70 });
    expect(seriesSteps(300, 30)).toEqual({ step: 15, range: 60 });
    expect(seriesSteps(86400, 60)).toEqual({ step: 1440, range: 1500 });
  });
});
