/**
 * The household's self-hosted apps, identical in both snapshots. Each app gets its own namespace
 * (created a few minutes before its first ReplicaSet) with one Deployment and its Service, and,
 * with `pg`, a PostgreSQL StatefulSet `<name>-postgres` holding database `pg`.
 *
 *   image, history  image repository and its ReplicaSets [[days ago | ISO time, tag], ...]
 *   ports           container ports [[name, port, protocol?]]; servicePorts: the Service's, when fewer
 *   pg, pgImage     the app's PostgreSQL database name and image (default postgres:16.4-alpine)
 *   node, mem       where the pod runs; its memory request (limit 2Gi, or 4Gi for 1Gi requests)
 *   hostNetwork     the pod uses the node's network
 *   serviceType, loadBalancerIP, extraServices   MetalLB addresses on the LAN
 *   description     the catalog Component's description
 */
/**
 * Self-hosted apps: one namespace each, Deployment + Service, and a PostgreSQL StatefulSet where
 * the app really uses one. `history` is the ReplicaSets (1–2), `node` where the pod runs.
 */
export const APPS = [
  {
    name: 'nextcloud',
    image: 'nextcloud',
    history: [
      [44, '30.0.1-apache'],
      [11, '30.0.2-apache'],
    ],
    ports: [['http', 80]],
    pg: 'nextcloud',
    node: 'k3s-agent-1',
    mem: '512Mi',
    description: 'Files, calendars and contacts for the household.',
  },
  {
    name: 'immich',
    image: 'ghcr.io/immich-app/immich-server',
    history: [
      [38, 'v1.120.2'],
      [9, 'v1.121.0'],
    ],
    ports: [['http', 2283]],
    pg: 'immich',
    pgImage: 'tensorchord/pgvecto-rs:pg16-v0.2.0',
    node: 'k3s-agent-2',
    mem: '1Gi',
    description: 'Photo and video backup with face and object search.',
  },
  {
    name: 'gitea',
    image: 'gitea/gitea',
    history: [[212, '1.22.3']],
    ports: [
      ['http', 3000],
      ['ssh', 22],
    ],
    pg: 'gitea',
    node: 'k3s-agent-3',
    mem: '256Mi',
    description: 'Git hosting for the homelab configuration and side projects.',
  },
  {
    name: 'vaultwarden',
    image: 'vaultwarden/server',
    history: [
      [57, '1.32.4'],
      [20, '1.32.5'],
    ],
    ports: [['http', 80]],
    node: 'k3s-agent-4',
    mem: '64Mi',
    description: 'Bitwarden-compatible password manager.',
  },
  {
    name: 'paperless-ngx',
    image: 'ghcr.io/paperless-ngx/paperless-ngx',
    history: [[150, '2.13.5']],
    ports: [['http', 8000]],
    pg: 'paperless',
    node: 'k3s-agent-1',
    mem: '512Mi',
    description: 'Scanned document archive with OCR.',
  },
  {
    name: 'home-assistant',
    image: 'ghcr.io/home-assistant/home-assistant',
    history: [
      [35, '2024.11.2'],
      [6, '2024.11.3'],
    ],
    ports: [['http', 8123]],
    hostNetwork: true,
    node: 'k3s-agent-2',
    mem: '512Mi',
    description:
      'Home automation hub (host network for mDNS and device discovery).',
  },
  {
    name: 'jellyfin',
    image: 'jellyfin/jellyfin',
    history: [[97, '10.10.3']],
    ports: [
      ['http', 8096],
      ['dlna', 1900, 'UDP'],
      ['discovery', 7359, 'UDP'],
    ],
    servicePorts: [['http', 8096]],
    node: 'k3s-agent-3',
    mem: '1Gi',
    description: 'Media server for films and series.',
  },
  {
    name: 'adguard-home',
    image: 'adguard/adguardhome',
    history: [[260, 'v0.107.55']],
    ports: [
      ['dns-udp', 53, 'UDP'],
      ['dns-tcp', 53, 'TCP'],
      ['http', 3000],
    ],
    serviceType: 'LoadBalancer',
    loadBalancerIP: '192.168.10.53',
    node: 'k3s-agent-4',
    mem: '128Mi',
    description: 'Network-wide DNS with ad and tracker blocking.',
  },
  {
    name: 'miniflux',
    image: 'miniflux/miniflux',
    history: [
      [50, '2.2.2'],
      [17, '2.2.3'],
    ],
    ports: [['http', 8080]],
    pg: 'miniflux',
    node: 'k3s-agent-arm-1',
    mem: '64Mi',
    description: 'Minimalist feed reader.',
  },
  {
    name: 'freshrss',
    image: 'freshrss/freshrss',
    history: [[180, '1.24.3']],
    ports: [['http', 80]],
    node: 'k3s-agent-1',
    mem: '128Mi',
    description: 'Feed aggregator (kept for the family accounts).',
  },
  {
    name: 'uptime-kuma',
    image: 'louislam/uptime-kuma',
    history: [[300, '1.23.15']],
    ports: [['http', 3001]],
    node: 'k3s-agent-arm-1',
    mem: '128Mi',
    description: 'Uptime monitoring of the homelab services.',
  },
  {
    name: 'homepage',
    image: 'ghcr.io/gethomepage/homepage',
    history: [
      [31, 'v0.9.12'],
      [3, 'v0.9.13'],
    ],
    ports: [['http', 3000]],
    node: 'k3s-agent-arm-1',
    mem: '128Mi',
    description: 'Start page linking every homelab service.',
  },
  {
    name: 'syncthing',
    image: 'syncthing/syncthing',
    history: [[330, '1.28.1']],
    ports: [
      ['http', 8384],
      ['sync-tcp', 22000, 'TCP'],
      ['sync-udp', 22000, 'UDP'],
      ['discovery', 21027, 'UDP'],
    ],
    servicePorts: [['http', 8384]],
    extraServices: [
      {
        suffix: 'sync',
        type: 'LoadBalancer',
        loadBalancerIP: '192.168.10.202',
        ports: [
          ['sync-tcp', 22000, 'sync-tcp', 'TCP'],
          ['sync-udp', 22000, 'sync-udp', 'UDP'],
          ['discovery', 21027, 'discovery', 'UDP'],
        ],
      },
    ],
    node: 'k3s-agent-2',
    mem: '128Mi',
    description: 'Continuous file synchronisation between laptops and the NAS.',
  },
  {
    name: 'mealie',
    image: 'ghcr.io/mealie-recipes/mealie',
    history: [
      [42, 'v2.2.0'],
      [13, 'v2.3.0'],
    ],
    ports: [['http', 9000]],
    pg: 'mealie',
    node: 'k3s-agent-3',
    mem: '256Mi',
    description: 'Recipe manager and meal planner.',
  },
  {
    name: 'n8n',
    image: 'n8nio/n8n',
    history: [
      [53, '1.68.0'],
      [2, '1.70.1'],
    ],
    ports: [['http', 5678]],
    pg: 'n8n',
    node: 'k3s-agent-4',
    mem: '256Mi',
    description: 'Workflow automation.',
  },
  {
    name: 'linkding',
    image: 'sissbruecker/linkding',
    history: [[120, '1.36.0']],
    ports: [['http', 9090]],
    node: 'k3s-agent-arm-1',
    mem: '64Mi',
    description: 'Bookmark manager.',
  },
  {
    name: 'actual-budget',
    image: 'actualbudget/actual-server',
    history: [[75, '24.11.0']],
    ports: [['http', 5006]],
    node: 'k3s-agent-arm-1',
    mem: '128Mi',
    description: 'Envelope budgeting.',
  },
  {
    name: 'audiobookshelf',
    image: 'ghcr.io/advplyr/audiobookshelf',
    history: [
      [46, '2.17.1'],
      [15, '2.17.2'],
    ],
    ports: [['http', 80]],
    node: 'k3s-agent-1',
    mem: '128Mi',
    description: 'Audiobook and podcast server.',
  },
  {
    name: 'navidrome',
    image: 'deluan/navidrome',
    history: [[190, '0.53.3']],
    ports: [['http', 4533]],
    node: 'k3s-agent-arm-1',
    mem: '64Mi',
    description: 'Music streaming server.',
  },
  {
    name: 'wikijs',
    image: 'ghcr.io/requarks/wiki',
    history: [[240, '2.5.305']],
    ports: [['http', 3000]],
    pg: 'wikijs',
    node: 'k3s-agent-2',
    mem: '256Mi',
    description: 'Wiki with the homelab runbooks.',
  },
];
