import http from 'node:http';
import { AddressInfo } from 'node:net';
import { PrometheusClient } from '../../adapters/prometheus/PrometheusClient';
import { PrometheusMetricsSource } from './PrometheusMetricsSource';

// A stand-in Prometheus: `/api/v1/status/config` answers `{yaml}` as web/api/v1/api.go
// (serveConfig, Prometheus v0.316.0) does, or refuses; range queries are recorded and empty.
async function fakePrometheus(config: { status: number; yaml?: string }) {
  const ranges: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/api/v1/status/config') {
      res.statusCode = config.status;
      res.end(JSON.stringify(config.status === 200 ? { status: 'success', data: { yaml: config.yaml } } : { status: 'error', error: 'forbidden' }));
      return;
    }
    ranges.push(url.searchParams.get('query') ?? '');
    res.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [] } }));
  });
  await new Promise<void>(ok => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, ranges, close: () => new Promise<void>(ok => server.close(() => ok())) };
}

const VIZ = 'global:\n  scrape_interval: 1m\nscrape_configs:\n- job_name: linkerd-proxy\n  scrape_interval: 10s\n';

describe('PrometheusMetricsSource series ranges', () => {
  it.each([
    ["the linkerd-proxy job's interval from the configuration", { status: 200, yaml: VIZ }, undefined, 10, '[25s]'],
    ['the global interval without that job', { status: 200, yaml: 'global:\n  scrape_interval: 1m\n' }, undefined, 60, '[120s]'],
    ['30 s when the configuration is refused', { status: 403 }, undefined, 30, '[60s]'],
    ['serviceMesh.metrics.scrapeInterval over the configuration', { status: 200, yaml: VIZ }, 15, 15, '[30s]'],
  ])('uses %s', async (_, config, configured, interval, range) => {
    const prom = await fakePrometheus(config);
    try {
      const source = new PrometheusMetricsSource('c', new PrometheusClient(prom.url, 2000), 60_000, 1_800_000_000, configured);
      expect(await source.scrapeInterval()).toBe(interval);
      const points = await source.getSeries(300);
      // Every step of the 5m window is there (empty: no data), each covering the range.
      expect(points.map(p => p.windowSeconds)).toEqual(Array(20).fill(Number(range.slice(1, -2))));
      expect(prom.ranges.length).toBe(2);
      for (const q of prom.ranges) expect(q).toContain(range);
    } finally {
      await prom.close();
    }
  });
});
