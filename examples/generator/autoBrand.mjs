// The auto-brand workload specs from the model: one Deployment per service, NATS and PostgreSQL.
import {
  AB_DATABASE,
  AB_ENDPOINTS,
  AB_IMAGE_REPO,
  AB_NATS,
  AB_SERVICES,
} from '../model/autoBrand.mjs';
import { postgres } from './apps.mjs';

/** The community Prometheus chart's Service annotations: scrape `/metrics` on the service port. */
function scrapeAnnotations(port) {
  return {
    'prometheus.io/path': '/metrics',
    'prometheus.io/port': String(port),
    'prometheus.io/scrape': 'true',
  };
}

/** The env vars naming where each call target is reached. */
export function abEnv(calls) {
  return calls.map(target => AB_ENDPOINTS[target]);
}

export function autoBrandWorkloads() {
  const deployments = AB_SERVICES.map(s => ({
    kind: 'Deployment',
    name: s.name,
    entity: s.name,
    labels: {
      'app.kubernetes.io/name': s.name,
      'app.kubernetes.io/part-of': 'auto-brand',
      'app.kubernetes.io/component': s.component,
    },
    selector: { 'app.kubernetes.io/name': s.name },
    replicas: s.replicas,
    history: s.history,
    image: `${AB_IMAGE_REPO}/${s.name}`,
    container: {
      name: s.name,
      ports: [['http', s.port]],
      probe: s.probe,
      env: [['PORT', String(s.port)], ['LOG_LEVEL', 'info'], ...abEnv(s.calls)],
      resources: ['100m', s.mem, s.mem === '1Gi' ? '3Gi' : '1Gi'],
    },
    pod: { serviceAccountName: s.name },
    services: [
      {
        name: s.name,
        ports: [['http', s.port, 'http']],
        annotations:
          s.metrics === 'scrape' ? scrapeAnnotations(s.port) : undefined,
      },
    ],
    mesh: s.mesh,
  }));
  const nats = AB_NATS;
  const pg = { ...postgres(AB_DATABASE), mesh: AB_DATABASE.mesh };
  // workloads left alone in homelab-meshed are built first so their pods get the same IPs in both snapshots
  const pending = deployments.filter(d => d.mesh === 'pending');
  return [
    ...pending,
    nats,
    pg,
    ...deployments.filter(d => d.mesh !== 'pending'),
  ];
}
