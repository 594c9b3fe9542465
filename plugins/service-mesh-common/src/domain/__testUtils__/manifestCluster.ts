import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parseAllDocuments } from 'yaml';
import {
  ClusterSnapshot,
  emptyClusterObjects,
  KubeObject,
  Pod,
  PodTemplate,
  TemplatedWorkload,
} from '../kube';

/** Linkerd's injector golden files, copied from shared/data (test/fixtures/linkerd-2.19). */
export const INJECTED_DIR = resolve(__dirname, '../../../../../test/fixtures/linkerd-2.19/injected');

/** The documents of a fixture file (the golden files can be empty when injection is refused). */
export function readManifest(file: string): any[] {
  const text = readFileSync(resolve(INJECTED_DIR, file), 'utf8');
  return parseAllDocuments(text).map(d => d.toJS()).filter(Boolean);
}

function podFrom(owner: KubeObject | undefined, name: string, ns: string, template: PodTemplate, phase: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      labels: template.metadata?.labels,
      annotations: template.metadata?.annotations,
      ownerReferences: owner ? [{ kind: owner.kind, name: owner.metadata.name, controller: true }] : undefined,
    },
    spec: template.spec,
    status: { phase },
  };
}

/**
 * Turns manifests into a cluster the way the missing controllers would: Deployment → ReplicaSet
 * → Pods, StatefulSet → Pods, CronJob → Job → Pod, bare Pods. Pods are Running (Job pods
 * Succeeded). With `linkerdVersion`, a Linkerd control plane of that version is added.
 */
export function clusterFromManifests(
  docs: any[],
  opts: { linkerdVersion?: string; namespaceAnnotations?: Record<string, string>; phase?: string } = {},
): ClusterSnapshot {
  const o = emptyClusterObjects();
  const namespaces = new Set<string>();
  for (const doc of docs) {
    const ns = doc.metadata.namespace ?? 'default';
    namespaces.add(ns);
    const meta = { ...doc.metadata, namespace: ns };
    const replicas = doc.spec?.replicas ?? 1;
    if (doc.kind === 'Pod') {
      o.pods.push(podFrom(undefined, meta.name, ns, { metadata: meta, spec: doc.spec }, opts.phase ?? 'Running'));
    } else if (doc.kind === 'Deployment') {
      o.deployments.push({ ...doc, metadata: meta });
      const rs: TemplatedWorkload = { kind: 'ReplicaSet', metadata: { name: `${meta.name}-abc123`, namespace: ns, ownerReferences: [{ kind: 'Deployment', name: meta.name, controller: true }] }, spec: doc.spec };
      o.replicaSets.push(rs);
      for (let i = 0; i < replicas; i++) o.pods.push(podFrom(rs, `${rs.metadata.name}-p${i}`, ns, doc.spec.template, opts.phase ?? 'Running'));
    } else if (doc.kind === 'StatefulSet' || doc.kind === 'DaemonSet') {
      const list = doc.kind === 'StatefulSet' ? o.statefulSets : o.daemonSets;
      list.push({ ...doc, metadata: meta });
      for (let i = 0; i < replicas; i++) o.pods.push(podFrom(doc, `${meta.name}-${i}`, ns, doc.spec.template, opts.phase ?? 'Running'));
    } else if (doc.kind === 'CronJob') {
      o.cronJobs.push({ ...doc, metadata: meta });
      const job: TemplatedWorkload = { kind: 'Job', metadata: { name: `${meta.name}-100`, namespace: ns, ownerReferences: [{ kind: 'CronJob', name: meta.name, controller: true }] }, spec: doc.spec.jobTemplate.spec };
      o.jobs.push(job);
      o.pods.push(podFrom(job, `${job.metadata.name}-x1`, ns, job.spec.template, opts.phase ?? 'Succeeded'));
    }
  }
  for (const ns of namespaces) o.namespaces.push({ kind: 'Namespace', metadata: { name: ns, annotations: opts.namespaceAnnotations } });
  if (opts.linkerdVersion) {
    o.namespaces.push({ kind: 'Namespace', metadata: { name: 'linkerd' } });
    o.deployments.push({ kind: 'Deployment', metadata: { name: 'linkerd-destination', namespace: 'linkerd', labels: { 'linkerd.io/control-plane-component': 'destination' } }, spec: { replicas: 1, template: { spec: { containers: [] } } }, status: { readyReplicas: 1 } });
    o.configMaps.push({ kind: 'ConfigMap', metadata: { name: 'linkerd-config', namespace: 'linkerd' }, data: { values: `linkerdVersion: ${opts.linkerdVersion}\n` } });
  }
  return { name: 'test', controlPlaneNamespace: 'linkerd', objects: o };
}
