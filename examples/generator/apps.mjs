// Workload specs derived from the model's shorthand: an app's namespace (Deployment, Service,
// optional PostgreSQL) and the PostgreSQL StatefulSet shared by apps and auto-brand.
import { MINUTE, iso, when } from './time.mjs';

/** PostgreSQL StatefulSet + Service used by apps and auto-brand. */
export function postgres({
  app,
  database,
  partOf,
  created,
  image = 'postgres:16.4-alpine',
  node,
  size = '10Gi',
  mem = '256Mi',
}) {
  const name = `${app}-postgres`;
  return {
    kind: 'StatefulSet',
    name,
    entity: name,
    labels: {
      'app.kubernetes.io/name': 'postgresql',
      'app.kubernetes.io/instance': name,
      'app.kubernetes.io/component': 'database',
      'app.kubernetes.io/part-of': partOf,
    },
    selector: {
      'app.kubernetes.io/name': 'postgresql',
      'app.kubernetes.io/instance': name,
    },
    replicas: 1,
    history: [[created, image.split(':')[1]]],
    image: image.split(':')[0],
    container: {
      name: 'postgres',
      ports: [['tcp-postgresql', 5432]],
      env: [
        ['POSTGRES_DB', database],
        ['POSTGRES_USER', database],
        [
          'POSTGRES_PASSWORD',
          { secretKeyRef: { key: 'password', name: `${name}-credentials` } },
        ],
        ['PGDATA', '/var/lib/postgresql/data/pgdata'],
      ],
      resources: ['50m', mem, '1Gi'],
    },
    volumeClaim: { name: 'data', size, mountPath: '/var/lib/postgresql/data' },
    serviceName: name,
    nodes: node ? [node] : undefined,
    services: [{ name, ports: [['tcp-postgresql', 5432, 'tcp-postgresql']] }],
  };
}
export function appNamespace(app) {
  const installed = when(app.history[0][0], `${app.name}/installed`);
  const deployment = {
    kind: 'Deployment',
    name: app.name,
    entity: app.name,
    labels: {
      'app.kubernetes.io/name': app.name,
      'app.kubernetes.io/instance': app.name,
      'app.kubernetes.io/part-of': app.name,
      'app.kubernetes.io/component': 'server',
    },
    selector: {
      'app.kubernetes.io/name': app.name,
      'app.kubernetes.io/instance': app.name,
    },
    replicas: 1,
    history: app.history,
    image: app.image,
    container: {
      name: app.name,
      ports: app.ports,
      env: [
        ['TZ', 'Europe/Berlin'],
        ...(app.pg
          ? [
              ['DATABASE_HOST', `${app.name}-postgres.${app.name}.svc`],
              ['DATABASE_PORT', '5432'],
              ['DATABASE_NAME', app.pg],
            ]
          : []),
      ],
      resources: ['50m', app.mem, app.mem === '1Gi' ? '4Gi' : '2Gi'],
    },
    pod: {
      hostNetwork: app.hostNetwork || undefined,
      serviceAccountName: 'default',
    },
    nodes: [app.node],
    services: [
      {
        name: app.name,
        type: app.serviceType,
        loadBalancerIP: app.loadBalancerIP,
        ports: (app.servicePorts ?? app.ports).map(([n, port, protocol]) => [
          n,
          port,
          n,
          protocol,
        ]),
      },
      ...(app.extraServices ?? []).map(s => ({
        name: `${app.name}-${s.suffix}`,
        type: s.type,
        loadBalancerIP: s.loadBalancerIP,
        ports: s.ports,
      })),
    ],
  };
  const workloads = [deployment];
  if (app.pg) {
    // the database was created a few minutes before the app
    workloads.push(
      postgres({
        app: app.name,
        database: app.pg,
        partOf: app.name,
        created: iso(installed - 4 * MINUTE),
        image: app.pgImage,
      }),
    );
  }
  return {
    name: app.name,
    created: iso(installed - 6 * MINUTE),
    workloads,
    app,
  };
}
