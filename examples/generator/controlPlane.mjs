// The Linkerd control plane of the meshed snapshot: its Deployments (with the proxy the chart
// renders into them), Services, ConfigMaps and the proxy injector's webhook registration.
import { stringify } from 'yaml';
import {
  CONTROL_PLANE,
  CONTROL_PLANE_SERVICES,
  LINKERD_CONFIG_VALUES,
  LINKERD_CRDS_CHART_VERSION,
  LINKERD_INSTALLED_AT,
  LINKERD_NS,
  LINKERD_VERSION,
  TRUST_ANCHORS_PEM,
} from '../model/linkerd.mjs';
import { buildControlPlaneDeployment } from './controlPlaneDeployment.mjs';
import { makeUid } from './ids.mjs';
import { inject } from './inject.mjs';
import { metadata } from './metadata.mjs';
import { container, podSpecDefaults } from './podSpec.mjs';
import { buildService } from './service.mjs';
import { SECOND } from './time.mjs';
import { YAML_OPTIONS, sortKeys } from './yaml.mjs';

export function buildLinkerd(C) {
  const namespace = LINKERD_NS;
  const installed = Date.parse(LINKERD_INSTALLED_AT);
  const cpLabels = component => ({
    'app.kubernetes.io/name': component,
    'app.kubernetes.io/part-of': 'Linkerd',
    'app.kubernetes.io/version': LINKERD_VERSION,
    'backstage.io/kubernetes-id': 'linkerd',
    'linkerd.io/control-plane-component': component,
    'linkerd.io/control-plane-ns': LINKERD_NS,
  });
  for (const [i, c] of CONTROL_PLANE.entries()) {
    const created = installed + (4 + i) * SECOND;
    const labels = cpLabels(c.component);
    const selector = {
      'linkerd.io/control-plane-component': c.component,
      'linkerd.io/control-plane-ns': LINKERD_NS,
    };
    // the chart renders the proxy into the control plane's own pod templates
    const rendered = inject(
      {
        labels,
        annotations: {},
        spec: podSpecDefaults({
          containers: c.containers.map(container),
          serviceAccountName: c.name,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        }),
      },
      {
        namespace,
        ownerKind: 'Deployment',
        ownerName: c.name,
        createdBy: `linkerd/cli ${LINKERD_VERSION}`,
      },
    );
    const w = { name: c.name, labels, selector };
    const template = {
      metadata: {
        annotations: rendered.annotations,
        creationTimestamp: null,
        labels: rendered.labels,
      },
      spec: rendered.spec,
    };
    buildControlPlaneDeployment(C, namespace, w, template, created, c.node);
  }
  const svcCreated = installed + 3 * SECOND;
  for (const s of CONTROL_PLANE_SERVICES)
    buildService(C, namespace, {
      name: s.name,
      created: svcCreated,
      headless: s.headless,
      labels: {
        'linkerd.io/control-plane-component': s.component,
        'linkerd.io/control-plane-ns': LINKERD_NS,
      },
      selector: { 'linkerd.io/control-plane-component': s.component },
      ports: s.ports,
    });

  const cmCreated = installed + 2 * SECOND;
  const createdBy = {
    'linkerd.io/created-by': `linkerd/cli ${LINKERD_VERSION}`,
  };
  C.add({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata({
      name: 'linkerd-identity-trust-roots',
      namespace,
      labels: { 'linkerd.io/control-plane-ns': LINKERD_NS },
      annotations: createdBy,
      created: cmCreated,
    }),
    data: { 'ca-bundle.crt': TRUST_ANCHORS_PEM },
  });
  const values = stringify(sortKeys(LINKERD_CONFIG_VALUES), {
    ...YAML_OPTIONS,
    version: '1.2',
  });
  C.add({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata({
      name: 'linkerd-config',
      namespace,
      labels: {
        'linkerd.io/control-plane-component': 'controller',
        'linkerd.io/control-plane-ns': LINKERD_NS,
      },
      annotations: createdBy,
      created: cmCreated,
    }),
    data: { 'linkerd-crds-chart-version': LINKERD_CRDS_CHART_VERSION, values },
  });
}

/** The proxy injector's webhook registration (what `linkerd install` creates; caBundle omitted). */
export function proxyInjectorWebhook() {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: {
      name: 'linkerd-proxy-injector-webhook-config',
      uid: makeUid(
        'MutatingWebhookConfiguration/linkerd-proxy-injector-webhook-config',
      ),
      creationTimestamp: LINKERD_INSTALLED_AT,
      labels: {
        'linkerd.io/control-plane-component': 'proxy-injector',
        'linkerd.io/control-plane-ns': LINKERD_NS,
      },
    },
    webhooks: [
      {
        name: 'linkerd-proxy-injector.linkerd.io',
        admissionReviewVersions: ['v1', 'v1beta1'],
        clientConfig: {
          service: {
            name: 'linkerd-proxy-injector',
            namespace: LINKERD_NS,
            path: '/',
          },
        },
        failurePolicy: 'Ignore',
        sideEffects: 'None',
        namespaceSelector: {
          matchExpressions: [
            {
              key: 'config.linkerd.io/admission-webhooks',
              operator: 'NotIn',
              values: ['disabled'],
            },
            {
              key: 'kubernetes.io/metadata.name',
              operator: 'NotIn',
              values: ['kube-system', 'cert-manager'],
            },
          ],
        },
        rules: [
          {
            apiGroups: [''],
            apiVersions: ['v1'],
            operations: ['CREATE'],
            resources: ['pods'],
            scope: '*',
          },
        ],
      },
    ],
  };
}
