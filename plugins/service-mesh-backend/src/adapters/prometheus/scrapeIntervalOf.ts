import { parseDocument } from 'yaml';
import { parsePrometheusDuration } from './parsePrometheusDuration';

/** The job of viz's Prometheus that scrapes the proxies (viz/charts/linkerd-viz/templates/prometheus.yaml). */
export const LINKERD_PROXY_JOB = 'linkerd-proxy';

/**
 * The scrape interval in seconds that a Prometheus configuration (the YAML of
 * `/api/v1/status/config`) gives the `job`: the job's own `scrape_interval`, else the global one
 * (a job without one inherits it, config/config.go), else undefined. Malformed YAML is undefined too.
 */
export function scrapeIntervalOf(configYaml: string, job = LINKERD_PROXY_JOB): number | undefined {
  let config: any;
  try {
    const doc = parseDocument(configYaml);
    if (doc.errors.length > 0) return undefined;
    config = doc.toJS();
  } catch {
    return undefined;
  }
  const read = (v: unknown) => (typeof v === 'string' ? parsePrometheusDuration(v) : undefined);
  const jobs: any[] = Array.isArray(config?.scrape_configs) ? config.scrape_configs : [];
  const own = jobs.find(j => j?.job_name === job);
  return read(own?.scrape_interval) ?? read(config?.global?.scrape_interval);
}
