import type * as k8s from '@kubernetes/client-node';
import { ClusterObjects } from '@meshlens/plugin-service-mesh-common';

/** The API clients a list function needs. */
export interface Apis {
  core: k8s.CoreV1Api;
  apps: k8s.AppsV1Api;
  batch: k8s.BatchV1Api;
  admission: k8s.AdmissionregistrationV1Api;
}

/** One watched kind: where it goes in the domain's objects, its watch path and list call. */
export interface WatchedKind {
  kind: string;
  field: keyof ClusterObjects;
  path: (controlPlaneNamespace: string) => string;
  list: (apis: Apis, controlPlaneNamespace: string) => Promise<k8s.KubernetesListObject<k8s.KubernetesObject>>;
}

/** The kinds product.md §3 reads. ConfigMaps only in the control-plane namespace; never Secrets. */
export const WATCHED_KINDS: WatchedKind[] = [
  { kind: 'Namespace', field: 'namespaces', path: () => '/api/v1/namespaces', list: a => a.core.listNamespace() },
  { kind: 'Node', field: 'nodes', path: () => '/api/v1/nodes', list: a => a.core.listNode() },
  { kind: 'Pod', field: 'pods', path: () => '/api/v1/pods', list: a => a.core.listPodForAllNamespaces() },
  { kind: 'Service', field: 'services', path: () => '/api/v1/services', list: a => a.core.listServiceForAllNamespaces() },
  { kind: 'ConfigMap', field: 'configMaps', path: ns => `/api/v1/namespaces/${ns}/configmaps`, list: (a, ns) => a.core.listNamespacedConfigMap({ namespace: ns }) },
  { kind: 'Deployment', field: 'deployments', path: () => '/apis/apps/v1/deployments', list: a => a.apps.listDeploymentForAllNamespaces() },
  { kind: 'ReplicaSet', field: 'replicaSets', path: () => '/apis/apps/v1/replicasets', list: a => a.apps.listReplicaSetForAllNamespaces() },
  { kind: 'StatefulSet', field: 'statefulSets', path: () => '/apis/apps/v1/statefulsets', list: a => a.apps.listStatefulSetForAllNamespaces() },
  { kind: 'DaemonSet', field: 'daemonSets', path: () => '/apis/apps/v1/daemonsets', list: a => a.apps.listDaemonSetForAllNamespaces() },
  { kind: 'Job', field: 'jobs', path: () => '/apis/batch/v1/jobs', list: a => a.batch.listJobForAllNamespaces() },
  { kind: 'MutatingWebhookConfiguration', field: 'mutatingWebhooks', path: () => '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations', list: a => a.admission.listMutatingWebhookConfiguration() },
  { kind: 'ValidatingWebhookConfiguration', field: 'validatingWebhooks', path: () => '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations', list: a => a.admission.listValidatingWebhookConfiguration() },
  { kind: 'CronJob', field: 'cronJobs', path: () => '/apis/batch/v1/cronjobs', list: a => a.batch.listCronJobForAllNamespaces() },
];
