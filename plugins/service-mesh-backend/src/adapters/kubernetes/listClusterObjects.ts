import type * as k8s from '@kubernetes/client-node';
import { KubeObject, SourceErrorReport } from '@meshlens/plugin-service-mesh-common';
import { stripObject } from './stripObject';
import { Apis, WATCHED_KINDS } from './watchedKinds';
import { CUSTOM_KINDS, stripCustom } from './watchedCustomKinds';

/** One kind's objects as a `kind: List` document, named for its file in a snapshot. */
export interface KindList {
  file: string;
  items: KubeObject[];
}

/**
 * Lists once every kind the backend watches (never Secrets; ConfigMaps only in the control-plane
 * namespace) and the served custom kinds, stripped like the caches. A kind that cannot be listed
 * is named in `errors`; the others are still returned.
 */
export async function listClusterObjects(
  client: typeof k8s,
  kc: k8s.KubeConfig,
  cluster: string,
  controlPlaneNamespace: string,
): Promise<{ lists: KindList[]; errors: SourceErrorReport[] }> {
  const apis: Apis = {
    core: kc.makeApiClient(client.CoreV1Api),
    apps: kc.makeApiClient(client.AppsV1Api),
    batch: kc.makeApiClient(client.BatchV1Api),
    admission: kc.makeApiClient(client.AdmissionregistrationV1Api),
  };
  const custom = kc.makeApiClient(client.CustomObjectsApi);
  const lists: KindList[] = [];
  const errors: SourceErrorReport[] = [];
  for (const kind of WATCHED_KINDS) {
    try {
      const list = await kind.list(apis, controlPlaneNamespace);
      const apiVersion = list.apiVersion ?? (kind.path(controlPlaneNamespace).startsWith('/api/') ? 'v1' : kind.path(controlPlaneNamespace).split('/').slice(2, 4).join('/'));
      lists.push({ file: `${kind.kind.toLowerCase()}s.yaml`, items: list.items.map(raw => stripObject(kind.kind, { ...raw, apiVersion })) });
    } catch (e) {
      errors.push({ source: `cluster:${cluster}/${kind.kind}`, message: describe(e) });
    }
  }
  for (const kind of CUSTOM_KINDS) {
    for (const version of kind.versions) {
      try {
        const list = (await custom.listClusterCustomObject({ group: kind.group, version, plural: kind.plural })) as { items?: unknown[] };
        lists.push({ file: `${kind.plural}.${kind.group}.yaml`, items: (list.items ?? []).map(i => stripCustom(kind, i)) });
        break;
      } catch (e) {
        if ((e as { code?: number }).code === 404) continue;
        errors.push({ source: `cluster:${cluster}/${kind.kind}.${kind.group}`, message: describe(e) });
        break;
      }
    }
  }
  return { lists, errors };
}

function describe(err: unknown): string {
  const e = err as { code?: number; body?: unknown; message?: string };
  let message = e?.message ?? String(err);
  if (typeof e?.body === 'string') {
    try { message = JSON.parse(e.body).message ?? message; } catch { /* not JSON */ }
  }
  return e?.code ? `${e.code}: ${message}` : message;
}
