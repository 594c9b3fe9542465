/**
 * auto-brand: the team's own system and the story of the demo. An orchestrator fans out to LLM,
 * video and publishing workers over HTTP and NATS JetStream, with PostgreSQL for state, an A/B
 * experimentation API, a web UI reached through Traefik, and an hourly analytics CronJob.
 *
 * Before (homelab): nothing meshed. After (homelab-meshed): the namespace is annotated
 * `linkerd.io/inject: enabled` and every workload with `mesh: 'restart'` is rolled (its pods get
 * the proxy); `mesh: 'pending'` was not restarted (old pods, no proxy). See snapshots.mjs.
 */

export const AB_NS = 'auto-brand';
export const AB_NS_CREATED = '2026-09-19T14:02:51Z';
/** Images are `<repo>/<service name>:<version>`. */
export const AB_IMAGE_REPO = 'ghcr.io/homelab-ops/auto-brand';

/** Where each call target is reached: env var name and URL. */
export const AB_ENDPOINTS = {
  orchestrator: ['ORCHESTRATOR_URL', 'http://orchestrator.auto-brand.svc:8000'],
  'llm-service': ['LLM_URL', 'http://llm-service.auto-brand.svc:8001'],
  'video-service': ['VIDEO_URL', 'http://video-service.auto-brand.svc:8002'],
  publisher: ['PUBLISHER_URL', 'http://publisher.auto-brand.svc:8003'],
  experimentation: [
    'EXPERIMENTATION_URL',
    'http://experimentation.auto-brand.svc:8004',
  ],
  nats: ['NATS_URL', 'nats://nats.auto-brand.svc:4222'],
  'auto-brand-postgres': [
    'DATABASE_URL',
    'postgres://auto-brand-postgres.auto-brand.svc:5432/autobrand',
  ],
};
/** Call targets that are catalog Resources (the others are Components). */
export const AB_RESOURCES = ['nats', 'auto-brand-postgres'];

/**
 * The auto-brand services: one Deployment + Service each, container port `port` named http, env
 * PORT, LOG_LEVEL and one URL per entry of `calls` (AB_ENDPOINTS), memory request `mem` (limit 1Gi,
 * or 3Gi for 1Gi requests). `calls` are also the catalog `dependsOn`; `website` marks the
 * ingress-facing UI. `metrics: 'scrape'` marks the services that export their own request metrics
 * (prometheus-fastapi-instrumentator) and whose Service carries the `prometheus.io/scrape`
 * annotations; video-service and publisher export none. `mesh` says what happens in homelab-meshed: `restart` (rolled after the
 * namespace was annotated, pods injected) or `pending` (not restarted: old, un-injected pods).
 * Each service answers the kubelet's liveness and readiness probes on `probe`.
 */
export const AB_SERVICES = [
  {
    name: 'orchestrator',
    metrics: 'scrape',
    port: 8000,
    probe: { path: '/healthz', port: 'http' },
    replicas: 2,
    component: 'api',
    mesh: 'restart',
    history: [
      [28, '2.3.0'],
      [23, '2.3.1'],
      [17, '2.4.0'],
      [12, '2.4.1'],
      [7, '2.5.0'],
      [4, '2.5.1'],
    ],
    calls: [
      'llm-service',
      'video-service',
      'publisher',
      'experimentation',
      'nats',
      'auto-brand-postgres',
    ],
    tags: ['python', 'fastapi', 'nats', 'postgres'],
    mem: '384Mi',
    description:
      'Drives a brand campaign end to end: asks for copy and video, schedules publishing, starts experiments.',
  },
  {
    name: 'llm-service',
    metrics: 'scrape',
    port: 8001,
    probe: { path: '/healthz', port: 'http' },
    replicas: 1,
    component: 'worker',
    mesh: 'restart',
    history: [
      [33, '1.6.0'],
      [11, '1.7.0'],
      [5, '1.7.1'],
    ],
    calls: ['nats'],
    tags: ['python', 'nats', 'llm'],
    mem: '512Mi',
    description:
      'Generates brand copy with a language model; consumes and emits jobs over NATS.',
  },
  {
    name: 'video-service',
    port: 8002,
    probe: { path: '/healthz', port: 'http' },
    replicas: 1,
    component: 'worker',
    mesh: 'restart',
    history: [
      [41, '0.9.3'],
      [6, '0.10.0'],
    ],
    calls: ['nats'],
    tags: ['python', 'ffmpeg', 'nats'],
    mem: '1Gi',
    description:
      'Renders short promotional videos from templates; works off NATS jobs.',
  },
  {
    name: 'publisher',
    port: 8003,
    probe: { path: '/healthz', port: 'http' },
    replicas: 1,
    component: 'worker',
    mesh: 'restart',
    history: [
      [52, '1.2.0'],
      [19, '1.3.0'],
      [5, '1.3.1'],
    ],
    calls: ['nats'],
    tags: ['python', 'nats'],
    mem: '192Mi',
    description:
      'Publishes approved content to social networks; triggered over NATS.',
  },
  {
    name: 'experimentation',
    metrics: 'scrape',
    port: 8004,
    probe: { path: '/healthz', port: 'http' },
    replicas: 1,
    component: 'api',
    mesh: 'pending',
    history: [
      [45, '0.4.0'],
      [8, '0.5.0'],
    ],
    calls: ['auto-brand-postgres'],
    tags: ['python', 'fastapi', 'postgres'],
    mem: '256Mi',
    description:
      'A/B tests of generated brand variants; assigns variants and records outcomes.',
  },
  {
    name: 'web-ui',
    port: 3000,
    probe: { path: '/healthz', port: 'http' },
    replicas: 2,
    component: 'frontend',
    mesh: 'restart',
    website: true,
    history: [
      [26, '1.8.0'],
      [15, '1.9.0'],
      [9, '1.9.1'],
      [4, '1.10.0'],
    ],
    calls: ['orchestrator'],
    tags: ['typescript', 'nextjs'],
    mem: '256Mi',
    description: 'Web dashboard where campaigns are reviewed and approved.',
  },
];

/** NATS JetStream, 3 nodes: the work queues between the services. */
export const AB_NATS = {
  kind: 'StatefulSet',
  name: 'nats',
  entity: 'nats',
  labels: {
    'app.kubernetes.io/name': 'nats',
    'app.kubernetes.io/instance': 'nats',
    'app.kubernetes.io/component': 'nats',
    'app.kubernetes.io/part-of': 'auto-brand',
  },
  selector: {
    'app.kubernetes.io/name': 'nats',
    'app.kubernetes.io/instance': 'nats',
    'app.kubernetes.io/component': 'nats',
  },
  replicas: 3,
  history: [
    ['2026-09-19T14:09:30Z', '2.10.21-alpine'],
    [40, '2.10.22-alpine'],
  ],
  image: 'nats',
  container: {
    name: 'nats',
    args: ['--config', '/etc/nats-config/nats.conf'],
    env: [
      ['POD_NAME', { fieldRef: { fieldPath: 'metadata.name' } }],
      ['SERVER_NAME', '$(POD_NAME)'],
    ],
    ports: [
      ['client', 4222],
      ['cluster', 6222],
      ['monitor', 8222],
    ],
    // The NATS chart's probe: the monitoring endpoint, healthy once JetStream is.
    probe: { path: '/healthz?js-enabled-only=true', port: 'monitor' },
    resources: ['50m', '128Mi', '1Gi'],
  },
  // prometheus-nats-exporter as a sidecar (as the NATS Helm chart's promExporter runs it),
  // scraped through the pod annotations: NATS's own message and connection counters.
  sidecars: [
    {
      name: 'prom-exporter',
      image: 'natsio/prometheus-nats-exporter:0.15.0',
      args: [
        '-port=7777',
        '-connz',
        '-routez',
        '-subz',
        '-varz',
        '-jsz=all',
        'http://localhost:8222/',
      ],
      ports: [['prom-metrics', 7777]],
      resources: ['10m', '32Mi', '64Mi'],
    },
  ],
  podAnnotations: {
    'prometheus.io/path': '/metrics',
    'prometheus.io/port': '7777',
    'prometheus.io/scrape': 'true',
  },
  pod: { serviceAccountName: 'nats' },
  podManagementPolicy: 'Parallel',
  volumeClaim: { name: 'nats-js', size: '10Gi', mountPath: '/data' },
  serviceName: 'nats-headless',
  nodes: ['k3s-agent-1', 'k3s-agent-2', 'k3s-agent-3'],
  services: [
    {
      name: 'nats',
      ports: [
        ['client', 4222, 'client'],
        ['cluster', 6222, 'cluster'],
        ['monitor', 8222, 'monitor'],
      ],
    },
    {
      name: 'nats-headless',
      headless: true,
      ports: [
        ['client', 4222, 'client'],
        ['cluster', 6222, 'cluster'],
        ['monitor', 8222, 'monitor'],
      ],
    },
  ],
  mesh: 'restart',
};

/** auto-brand's PostgreSQL (a StatefulSet built like the apps' databases). */
export const AB_DATABASE = {
  app: 'auto-brand',
  database: 'autobrand',
  partOf: 'auto-brand',
  created: '2026-09-19T14:08:02Z',
  node: 'k3s-agent-4',
  size: '20Gi',
  mem: '512Mi',
  mesh: 'restart',
};

/**
 * The hourly analytics CronJob. Its last run (a Job and its Succeeded pod) started at 11:00 on the
 * capture day on `node`. In homelab-meshed it runs the proxy as a native sidecar.
 */
export const AB_ANALYTICS = {
  name: 'analytics',
  schedule: '0 * * * *',
  version: '1.4.2',
  created: '2026-10-01T16:40:12Z',
  command: ['python', '-m', 'analytics.rollup'],
  resources: ['200m', '512Mi', '1Gi'],
  node: 'k3s-agent-2',
  calls: ['auto-brand-postgres', 'nats'],
  tags: ['python', 'cronjob', 'nats', 'postgres'],
  description:
    'Hourly roll-up of campaign and experiment metrics into the warehouse tables.',
};

/** The catalog System and Resources of auto-brand (the services' Components come from above). */
export const AB_SYSTEM = {
  title: 'auto-brand',
  description:
    'Generates, tests and publishes brand content: an orchestrator fanning out to LLM, video and publishing workers over HTTP and NATS JetStream, with PostgreSQL for state.',
  tags: ['python', 'nats'],
};
export const AB_RESOURCE_ENTITIES = [
  {
    name: 'nats',
    type: 'message-broker',
    description:
      'NATS JetStream cluster (3 nodes) carrying the work queues between the auto-brand services.',
    tags: ['nats', 'jetstream'],
  },
  {
    name: 'auto-brand-postgres',
    type: 'database',
    description:
      'PostgreSQL database of auto-brand: campaigns, experiments and analytics roll-ups.',
    tags: ['postgres'],
  },
];
