// Containers, pod specs and pod templates with the defaults the API server and admission fill in.
import { clean, nonEmpty } from './yaml.mjs';

export function envVar([name, value]) {
  if (value && typeof value === 'object') {
    if (value.fieldRef)
      return {
        name,
        valueFrom: { fieldRef: { apiVersion: 'v1', ...value.fieldRef } },
      };
    return { name, valueFrom: value };
  }
  return { name, value };
}

/** A container with the defaults the API server fills in. */
export function container({
  name,
  image,
  ports,
  env,
  args,
  command,
  resources,
  volumeMounts,
  probe,
  extra,
}) {
  const [cpu, memory, memoryLimit] = resources ?? [];
  return clean({
    ...(probe ? httpProbes(probe) : {}),
    args,
    command,
    env: env && env.length ? env.map(envVar) : undefined,
    image,
    imagePullPolicy: 'IfNotPresent',
    name,
    ports:
      ports && ports.length
        ? ports.map(([portName, containerPort, protocol]) =>
            clean({
              containerPort,
              name: portName,
              protocol: protocol ?? 'TCP',
            }),
          )
        : undefined,
    resources: resources
      ? clean({
          limits: memoryLimit ? { memory: memoryLimit } : undefined,
          requests: { cpu, memory },
        })
      : {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    volumeMounts,
    ...extra,
  });
}

/**
 * Kubelet HTTP probes (`probe: { path, port }`, port by name), with the API server's defaults
 * filled in as `kubectl get -o yaml` shows them. The policy controller gives their paths the
 * `probe` route, so their requests show as `route_name="probe"` in the proxy's metrics.
 */
function httpProbes({ path, port }) {
  const probe = initialDelaySeconds => ({
    failureThreshold: 3,
    httpGet: { path, port, scheme: 'HTTP' },
    initialDelaySeconds,
    periodSeconds: 10,
    successThreshold: 1,
    timeoutSeconds: 1,
  });
  return { livenessProbe: probe(10), readinessProbe: probe(2) };
}

/** Pod spec fields defaulted on templates and pods alike. */
export function podSpecDefaults(spec) {
  return clean({
    dnsPolicy: spec.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    ...spec,
    serviceAccount: spec.serviceAccountName,
  });
}

const PRIORITY = {
  'system-cluster-critical': 2000000000,
  'system-node-critical': 2000001000,
};

/** Fields only pods carry (set by admission), given the template spec. */
export function podOnlySpec(spec, { nodeName, daemonSet }) {
  const tolerations = daemonSet
    ? [
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
        },
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
        },
        {
          effect: 'NoSchedule',
          key: 'node.kubernetes.io/disk-pressure',
          operator: 'Exists',
        },
        {
          effect: 'NoSchedule',
          key: 'node.kubernetes.io/memory-pressure',
          operator: 'Exists',
        },
        {
          effect: 'NoSchedule',
          key: 'node.kubernetes.io/pid-pressure',
          operator: 'Exists',
        },
        {
          effect: 'NoSchedule',
          key: 'node.kubernetes.io/unschedulable',
          operator: 'Exists',
        },
        ...(spec.hostNetwork
          ? [
              {
                effect: 'NoSchedule',
                key: 'node.kubernetes.io/network-unavailable',
                operator: 'Exists',
              },
            ]
          : []),
      ]
    : [
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
      ];
  return clean({
    ...spec,
    affinity: daemonSet
      ? {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                {
                  matchFields: [
                    {
                      key: 'metadata.name',
                      operator: 'In',
                      values: [nodeName],
                    },
                  ],
                },
              ],
            },
          },
        }
      : spec.affinity,
    enableServiceLinks: true,
    nodeName,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: PRIORITY[spec.priorityClassName] ?? 0,
    // the ServiceAccount admission plugin fills these in on pods
    serviceAccount: spec.serviceAccountName ?? 'default',
    serviceAccountName: spec.serviceAccountName ?? 'default',
    tolerations: [...(spec.tolerations ?? []), ...tolerations],
  });
}

/** The pod template (metadata + defaulted spec) of a workload spec at a given version. */
export function podTemplate(w, version, { annotations, extraLabels } = {}) {
  const image = `${w.image}:${version}`;
  const volumeMounts = w.volumeClaim
    ? [{ mountPath: w.volumeClaim.mountPath, name: w.volumeClaim.name }]
    : undefined;
  return {
    metadata: clean({
      annotations: nonEmpty({ ...w.podAnnotations, ...annotations }),
      creationTimestamp: null,
      labels: { ...workloadLabels(w), ...extraLabels },
    }),
    spec: podSpecDefaults({
      containers: [
        container({ ...w.container, image, volumeMounts }),
        ...(w.sidecars ?? []).map(container),
      ],
      ...w.pod,
    }),
  };
}

export function workloadLabels(w) {
  return { ...w.labels, 'backstage.io/kubernetes-id': w.entity };
}
