import { ConfigReader } from '@backstage/config';
import { readServiceMeshConfig } from './ServiceMeshConfig';

const read = (data: object) => readServiceMeshConfig(new ConfigReader(data), p => `/abs/${p}`);

describe('readServiceMeshConfig', () => {
  it('has no clusters when nothing is configured (no demo data is made up)', () => {
    expect(read({}).clusters).toEqual([]);
  });

  it('has no clusters when serviceMesh sets only other keys', () => {
    const c = read({ serviceMesh: { history: { retentionDays: 7 } } });
    expect([c.clusters.length, c.history.retentionDays]).toEqual([0, 7]);
  });

  it('reads snapshot clusters with their paths resolved', () => {
    const c = read({ serviceMesh: { clusters: [{ name: 'homelab', source: 'snapshot', path: 'examples/homelab' }] } });
    expect(c.clusters.map(x => [x.name, x.source, x.path])).toEqual([['homelab', 'snapshot', '/abs/examples/homelab']]);
  });

  it('reads the history schedule and notification rules over their defaults', () => {
    expect(read({}).history).toEqual({
      enabled: true,
      schedule: { frequency: { minutes: 15 }, timeout: { minutes: 5 }, initialDelay: { seconds: 30 } },
      retentionDays: 90,
      notifications: { enabled: true, rules: { mtlsDrop: 0.05 } },
    });
    const c = read({ serviceMesh: { history: { schedule: { frequency: { seconds: 5 }, timeout: { seconds: 30 } } }, notifications: { enabled: false, mtlsDrop: 0.1 } } });
    expect(c.history.schedule).toEqual(expect.objectContaining({ frequency: { seconds: 5 }, timeout: { seconds: 30 } }));
    expect(c.history.notifications).toEqual({ enabled: false, rules: { mtlsDrop: 0.1 } });
  });

  it('reuses the Kubernetes plugin clusters and merges serviceMesh entries by name', () => {
    const c = read({
      kubernetes: { clusterLocatorMethods: [
        { type: 'config', clusters: [{ name: 'prod', url: 'https://10.0.0.1:6443', authProvider: 'serviceAccount', serviceAccountToken: 't', caData: 'Q0E=' }] },
        { type: 'catalog' },
      ] },
      serviceMesh: { clusters: [{ name: 'prod', prometheus: { url: 'http://prom:9090' } }, { name: 'lab', source: 'snapshot', path: 'snap' }] },
    });
    expect(c.clusters).toEqual([
      expect.objectContaining({ name: 'prod', source: 'kubernetes', url: 'https://10.0.0.1:6443', serviceAccountToken: 't', caData: 'Q0E=', prometheusUrl: 'http://prom:9090' }),
      expect.objectContaining({ name: 'lab', source: 'snapshot', path: '/abs/snap' }),
    ]);
  });

  it('reads serviceMesh.metrics.scrapeInterval, or leaves it to Prometheus', () => {
    const clusters = [{ name: 'prod', url: 'https://k', prometheus: { url: 'http://prom:9090' } }];
    expect(read({ serviceMesh: { clusters } }).metricsScrapeIntervalSeconds).toBeUndefined();
    expect(read({ serviceMesh: { metrics: { scrapeInterval: '1m30s' }, clusters } }).metricsScrapeIntervalSeconds).toBe(90);
  });

  it('overrides adoption numbers and keeps the other defaults', () => {
    const c = read({ serviceMesh: { adoption: { canary: { rollouts: 4 }, weights: { multiTeam: 30 } } } });
    expect([c.adoption.canary.rollouts, c.adoption.canary.days, c.adoption.weights['multi-team'], c.adoption.weights.scale]).toEqual([4, 30, 30, 25]);
  });

  it.each([
    [{ serviceMesh: { clusters: [{ name: 'x', source: 'ftp' }] } }, 'serviceMesh.clusters[0].source'],
    [{ serviceMesh: { history: { retentionDays: 0 } } }, 'serviceMesh.history.retentionDays'],
    [{ serviceMesh: { metrics: { scrapeInterval: '10' } } }, 'serviceMesh.metrics.scrapeInterval'],
    [{ serviceMesh: { metrics: { scrapeInterval: '2h' } } }, 'serviceMesh.metrics.scrapeInterval'],
    [{ serviceMesh: { notifications: { mtlsDrop: 2 } } }, 'serviceMesh.notifications.mtlsDrop'],
    [{ serviceMesh: { clusters: [{ name: 'x', source: 'snapshot' }] } }, 'serviceMesh.clusters[0].path'],
    [{ serviceMesh: { clusters: [{ name: 'x' }] } }, 'serviceMesh.clusters[0].url'],
    [{ serviceMesh: { clusters: [{ name: 'bad name', source: 'snapshot', path: 'p' }] } }, 'serviceMesh.clusters[0].name'],
    [{ serviceMesh: { clusters: [{ name: 'a', url: 'u' }, { name: 'a', url: 'u' }] } }, 'Duplicate serviceMesh.clusters[1].name'],
    [{ serviceMesh: { metrics: { window: '2d' } } }, 'serviceMesh.metrics.window'],
    [{ serviceMesh: { findings: { serverSpeaksFirstPorts: [4222, 70000] } } }, 'serviceMesh.findings.serverSpeaksFirstPorts'],
    [{ kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters: [{ name: 'k', authProvider: 'serviceAccount' }] }] } }, 'kubernetes.clusterLocatorMethods[0].clusters[0].url'],
    [{ serviceMesh: { adoption: { canary: { rollouts: 'many' } } } }, 'serviceMesh.adoption.canary.rollouts'],
  ])('names the key of invalid config %#', (data, key) => {
    expect(() => read(data)).toThrow(key);
  });
});
