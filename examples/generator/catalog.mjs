// The Backstage entities of a snapshot's catalog, and org.yaml's.
import { APPS } from '../model/apps.mjs';
import {
  AB_ANALYTICS,
  AB_RESOURCE_ENTITIES,
  AB_RESOURCES,
  AB_SERVICES,
  AB_SYSTEM,
} from '../model/autoBrand.mjs';
import {
  APPS_SYSTEM,
  CATALOG_OWNER,
  PLATFORM_COMPONENTS,
  PLATFORM_SYSTEM,
  TRAEFIK_MESHED_NOTE,
} from '../model/catalog.mjs';
import { clean } from './yaml.mjs';

function entity(
  kind,
  namespace,
  name,
  { description, tags, annotations, spec, title },
) {
  return clean({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace, title, description, tags, annotations },
    spec,
  });
}

function k8sAnnotations(id, cluster) {
  return {
    'backstage.io/kubernetes-id': id,
    'backstage.io/kubernetes-cluster': cluster,
  };
}

function ref(target, namespace) {
  return `${
    AB_RESOURCES.includes(target) || target.endsWith('-postgres')
      ? 'resource'
      : 'component'
  }:${namespace}/${target}`;
}

function autoBrandEntities(namespace, cluster) {
  const system = `system:${namespace}/auto-brand`;
  const out = [
    entity('System', namespace, 'auto-brand', {
      title: AB_SYSTEM.title,
      description: AB_SYSTEM.description,
      tags: AB_SYSTEM.tags,
      spec: { owner: CATALOG_OWNER },
    }),
  ];
  for (const s of AB_SERVICES) {
    out.push(
      entity('Component', namespace, s.name, {
        description: s.description,
        tags: s.tags,
        // web-ui is reached through Traefik: plaintext from it is expected, not a finding.
        annotations: s.website
          ? {
              ...k8sAnnotations(s.name, cluster),
              'meshlens.io/ingress-facing': 'true',
            }
          : k8sAnnotations(s.name, cluster),
        spec: {
          type: s.website ? 'website' : 'service',
          lifecycle: 'production',
          owner: CATALOG_OWNER,
          system,
          dependsOn: s.calls.map(t => ref(t, namespace)),
        },
      }),
    );
  }
  out.push(
    entity('Component', namespace, AB_ANALYTICS.name, {
      description: AB_ANALYTICS.description,
      tags: AB_ANALYTICS.tags,
      annotations: k8sAnnotations(AB_ANALYTICS.name, cluster),
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: CATALOG_OWNER,
        system,
        dependsOn: AB_ANALYTICS.calls.map(t => ref(t, namespace)),
      },
    }),
    ...AB_RESOURCE_ENTITIES.map(r =>
      entity('Resource', namespace, r.name, {
        description: r.description,
        tags: r.tags,
        annotations: k8sAnnotations(r.name, cluster),
        spec: { type: r.type, owner: CATALOG_OWNER, system },
      }),
    ),
  );
  return out;
}

function platformEntities(namespace, cluster) {
  const system = `system:${namespace}/${PLATFORM_SYSTEM.name}`;
  return [
    entity('System', namespace, PLATFORM_SYSTEM.name, {
      title: PLATFORM_SYSTEM.title,
      description: PLATFORM_SYSTEM.description,
      spec: { owner: CATALOG_OWNER },
    }),
    ...PLATFORM_COMPONENTS.map(p =>
      entity('Component', namespace, p.name, {
        description: p.description,
        tags: p.tags,
        annotations: k8sAnnotations(p.name, cluster),
        spec: clean({
          type: 'service',
          lifecycle: 'production',
          owner: CATALOG_OWNER,
          system,
          dependsOn: p.dependsOn?.map(d => `component:${namespace}/${d}`),
        }),
      }),
    ),
  ];
}

function appEntities(namespace, cluster) {
  const system = `system:${namespace}/${APPS_SYSTEM.name}`;
  const apps = [
    entity('System', namespace, APPS_SYSTEM.name, {
      title: APPS_SYSTEM.title,
      description: APPS_SYSTEM.description,
      spec: { owner: CATALOG_OWNER },
    }),
  ];
  for (const app of APPS) {
    apps.push(
      entity('Component', namespace, app.name, {
        description: app.description,
        tags: ['selfhosted', ...(app.pg ? ['postgres'] : [])],
        annotations: k8sAnnotations(app.name, cluster),
        spec: clean({
          type: 'service',
          lifecycle: 'production',
          owner: CATALOG_OWNER,
          system,
          dependsOn: app.pg
            ? [`resource:${namespace}/${app.name}-postgres`]
            : undefined,
        }),
      }),
    );
  }
  for (const app of APPS.filter(a => a.pg)) {
    apps.push(
      entity('Resource', namespace, `${app.name}-postgres`, {
        description: `PostgreSQL database of ${app.name}.`,
        tags: ['postgres'],
        annotations: k8sAnnotations(`${app.name}-postgres`, cluster),
        spec: { type: 'database', owner: CATALOG_OWNER, system },
      }),
    );
  }
  return apps;
}

/** Traefik alone, outside any system (the meshed catalog's ingress). */
function traefikEntity(namespace, cluster) {
  const traefik = PLATFORM_COMPONENTS.find(p => p.name === 'traefik');
  return entity('Component', namespace, 'traefik', {
    description: `${traefik.description} ${TRAEFIK_MESHED_NOTE}`,
    tags: traefik.tags,
    annotations: k8sAnnotations('traefik', cluster),
    spec: { type: 'service', lifecycle: 'production', owner: CATALOG_OWNER },
  });
}

/** A snapshot's catalog files: file name -> entities. */
export function catalogFiles({ namespace, cluster, all }) {
  if (all)
    return {
      'auto-brand.yaml': autoBrandEntities(namespace, cluster),
      'homelab-platform.yaml': platformEntities(namespace, cluster),
      'selfhosted-apps.yaml': appEntities(namespace, cluster),
    };
  return {
    'auto-brand.yaml': autoBrandEntities(namespace, cluster),
    'traefik.yaml': [traefikEntity(namespace, cluster)],
  };
}
