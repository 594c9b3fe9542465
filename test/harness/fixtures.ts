// Creates realistic objects the way the missing controllers would: Deployment → ReplicaSet
// (pod-template-hash) → Pods, CronJob → Job → Pod, StatefulSet → Pods, with Running status
// patched through the status subresource; a Linkerd control plane; the CRDs; RBAC and a token.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { kube, type KubeTarget } from './kubeRequest.ts';

export const LINKERD_VERSION = 'edge-25.10.7';
const REPO = resolve(import.meta.dirname, '../..');

type Mesh = 'none' | 'classic' | 'native';

/** A real self-signed ECDSA P-256 CA certificate (PEM) valid for `days`; the key is thrown away. */
export function trustAnchorPem(days = 365): string {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-ca-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(dir, 'ca.key'), '-out', join(dir, 'ca.crt'), '-days', String(days), '-subj', '/CN=root.linkerd.cluster.local'], { stdio: 'ignore' });
    return readFileSync(join(dir, 'ca.crt'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function proxy(restartPolicy?: string) {
  return {
    name: 'linkerd-proxy',
    image: `cr.l5d.io/linkerd/proxy:${LINKERD_VERSION}`,
    ports: [{ containerPort: 4143, name: 'linkerd-proxy' }, { containerPort: 4191, name: 'linkerd-admin' }],
    ...(restartPolicy ? { restartPolicy } : {}),
  };
}

/** A pod template as the injector writes it (or the plain one for `none`). */
export function podTemplate(ns: string, app: string, mesh: Mesh, labels: Record<string, string> = {}) {
  const base = { app, 'backstage.io/kubernetes-id': app, ...labels };
  const appContainer = { name: app, image: `registry.local/${app}:1.0`, ports: [{ containerPort: 8080, name: 'http' }] };
  if (mesh === 'none') return { metadata: { labels: base }, spec: { containers: [appContainer] } };
  const metadata = {
    labels: { ...base, 'linkerd.io/control-plane-ns': 'linkerd', 'linkerd.io/workload-ns': ns },
    annotations: { 'linkerd.io/proxy-version': LINKERD_VERSION, 'linkerd.io/created-by': `linkerd/proxy-injector ${LINKERD_VERSION}` },
  };
  const init = { name: 'linkerd-init', image: 'cr.l5d.io/linkerd/proxy-init:v2.4.3' };
  if (mesh === 'native') {
    return { metadata, spec: { initContainers: [init, proxy('Always')], containers: [appContainer], restartPolicy: 'Never' } };
  }
  return { metadata, spec: { initContainers: [init], containers: [proxy(), appContainer] } };
}

export class Fixtures {
  readonly api: KubeTarget;
  constructor(api: KubeTarget) {
    this.api = api;
  }

  async namespace(name: string, annotations: Record<string, string> = {}, labels: Record<string, string> = {}) {
    await kube(this.api, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name, annotations, labels } }, [409]);
  }

  private async pod(ns: string, name: string, template: any, owner: any, phase = 'Running') {
    const pod = await kube(this.api, 'POST', `/api/v1/namespaces/${ns}/pods`, {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { ...template.metadata, name, namespace: ns, ownerReferences: owner ? [owner] : undefined },
      spec: { ...template.spec, nodeName: 'fake-node-1' },
    });
    const statuses = (list: any[] = []) => list.map((c: any) => ({
      name: c.name, image: c.image, imageID: '', ready: phase === 'Running', restartCount: 0, started: phase === 'Running',
      state: phase === 'Running' ? { running: { startedAt: new Date().toISOString() } } : { terminated: { exitCode: 0, reason: 'Completed' } },
    }));
    await kube(this.api, 'PATCH', `/api/v1/namespaces/${ns}/pods/${name}/status`, {
      status: { phase, containerStatuses: statuses(template.spec.containers), initContainerStatuses: statuses(template.spec.initContainers) },
    });
    return pod;
  }

  private ownerRef(obj: any) {
    return { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, uid: obj.metadata.uid, controller: true, blockOwnerDeletion: true };
  }

  /** Deployment → ReplicaSet → `meshed.length` pods, each meshed as given. */
  async deployment(ns: string, name: string, pods: Mesh[], templateMesh: Mesh = pods[0] ?? 'none', tweak: (template: any) => void = () => {}) {
    const template = podTemplate(ns, name, templateMesh);
    tweak(template);
    const dep = await kube(this.api, 'POST', `/apis/apps/v1/namespaces/${ns}/deployments`, {
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name, namespace: ns, labels: { 'backstage.io/kubernetes-id': name } },
      spec: { replicas: pods.length, selector: { matchLabels: { app: name } }, template },
    });
    const hash = Buffer.from(name).toString('hex').slice(0, 10);
    const rs = await kube(this.api, 'POST', `/apis/apps/v1/namespaces/${ns}/replicasets`, {
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: { name: `${name}-${hash}`, namespace: ns, labels: { app: name, 'pod-template-hash': hash }, ownerReferences: [this.ownerRef(dep)] },
      spec: { replicas: pods.length, selector: { matchLabels: { app: name, 'pod-template-hash': hash } }, template: { ...template, metadata: { ...template.metadata, labels: { ...template.metadata.labels, 'pod-template-hash': hash } } } },
    });
    for (const [i, mesh] of pods.entries()) {
      const t = podTemplate(ns, name, mesh, { 'pod-template-hash': hash });
      tweak(t);
      await this.pod(ns, `${name}-${hash}-p${i}`, t, this.ownerRef(rs));
    }
  }

  /** StatefulSet → pods `<name>-<ordinal>`. */
  async statefulSet(ns: string, name: string, pods: Mesh[], ports: number[] = [8080]) {
    const template = podTemplate(ns, name, pods[0] ?? 'none');
    template.spec.containers.at(-1)!.ports = ports.map(p => ({ containerPort: p, name: `p${p}` }));
    const sts = await kube(this.api, 'POST', `/apis/apps/v1/namespaces/${ns}/statefulsets`, {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace: ns, labels: { 'backstage.io/kubernetes-id': name } },
      spec: { replicas: pods.length, serviceName: name, selector: { matchLabels: { app: name } }, template },
    });
    for (const [i, mesh] of pods.entries()) {
      const t = podTemplate(ns, name, mesh);
      t.spec.containers.at(-1)!.ports = template.spec.containers.at(-1)!.ports;
      await this.pod(ns, `${name}-${i}`, t, this.ownerRef(sts));
    }
  }

  /** A ClusterIP Service selecting `app: <name>`. */
  async service(ns: string, name: string, ports: Array<{ port: number; appProtocol?: string }>) {
    await kube(this.api, 'POST', `/api/v1/namespaces/${ns}/services`, {
      apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns },
      spec: { selector: { app: name }, ports: ports.map(p => ({ name: `p${p.port}`, port: p.port, targetPort: p.port, ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) })) },
    });
  }

  /** A Server on a workload's port, an AuthorizationPolicy allowing meshed identities, an HTTPRoute. */
  async policy(ns: string, app: string, port: number, clients: string[]) {
    const base = `/apis/policy.linkerd.io`;
    await kube(this.api, 'POST', `${base}/v1beta3/namespaces/${ns}/servers`, {
      apiVersion: 'policy.linkerd.io/v1beta3', kind: 'Server', metadata: { name: `${app}-http`, namespace: ns },
      spec: { podSelector: { matchLabels: { app } }, port, proxyProtocol: 'HTTP/1' },
    });
    await kube(this.api, 'POST', `${base}/v1alpha1/namespaces/${ns}/meshtlsauthentications`, {
      apiVersion: 'policy.linkerd.io/v1alpha1', kind: 'MeshTLSAuthentication', metadata: { name: `${app}-clients`, namespace: ns },
      spec: { identities: clients.map(c => `${c}.${ns}.serviceaccount.identity.linkerd.cluster.local`) },
    });
    await kube(this.api, 'POST', `${base}/v1alpha1/namespaces/${ns}/authorizationpolicies`, {
      apiVersion: 'policy.linkerd.io/v1alpha1', kind: 'AuthorizationPolicy', metadata: { name: `${app}-authz`, namespace: ns },
      spec: {
        targetRef: { group: 'policy.linkerd.io', kind: 'Server', name: `${app}-http` },
        requiredAuthenticationRefs: [{ group: 'policy.linkerd.io', kind: 'MeshTLSAuthentication', name: `${app}-clients` }],
      },
    });
    await kube(this.api, 'POST', `${base}/v1beta3/namespaces/${ns}/httproutes`, {
      apiVersion: 'policy.linkerd.io/v1beta3', kind: 'HTTPRoute', metadata: { name: `${app}-route`, namespace: ns, annotations: { 'retry.linkerd.io/http': '5xx', 'timeout.linkerd.io/request': '2s' } },
      spec: { parentRefs: [{ group: 'policy.linkerd.io', kind: 'Server', name: `${app}-http` }], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }] },
    });
  }

  /** CronJob → Job → one Succeeded pod. */
  async cronJob(ns: string, name: string, mesh: Mesh) {
    const template = { ...podTemplate(ns, name, mesh), spec: { ...podTemplate(ns, name, mesh).spec, restartPolicy: 'Never' } };
    const cj = await kube(this.api, 'POST', `/apis/batch/v1/namespaces/${ns}/cronjobs`, {
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, namespace: ns, labels: { 'backstage.io/kubernetes-id': name } },
      spec: { schedule: '0 * * * *', jobTemplate: { spec: { template } } },
    });
    const job = await kube(this.api, 'POST', `/apis/batch/v1/namespaces/${ns}/jobs`, {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: `${name}-29000000`, namespace: ns, ownerReferences: [this.ownerRef(cj)] },
      spec: { template },
    });
    await this.pod(ns, `${name}-29000000-x1`, { metadata: template.metadata, spec: template.spec }, this.ownerRef(job), 'Succeeded');
  }

  /** The Linkerd control plane's deployments, pods and public ConfigMaps. */
  async linkerdControlPlane(trustAnchorsPem: string) {
    await this.namespace('linkerd', { 'linkerd.io/inject': 'disabled' }, { 'linkerd.io/is-control-plane': 'true', 'config.linkerd.io/admission-webhooks': 'disabled' });
    for (const component of ['destination', 'identity', 'proxy-injector']) {
      await this.deployment('linkerd', `linkerd-${component}`, ['classic']);
      await kube(this.api, 'PATCH', `/apis/apps/v1/namespaces/linkerd/deployments/linkerd-${component}`, {
        metadata: { labels: { 'linkerd.io/control-plane-component': component, 'app.kubernetes.io/version': LINKERD_VERSION, 'linkerd.io/control-plane-ns': 'linkerd' } },
      });
      await kube(this.api, 'PATCH', `/apis/apps/v1/namespaces/linkerd/deployments/linkerd-${component}/status`, { status: { replicas: 1, readyReplicas: 1, availableReplicas: 1 } });
    }
    await kube(this.api, 'POST', '/api/v1/namespaces/linkerd/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'linkerd-identity-trust-roots', namespace: 'linkerd' }, data: { 'ca-bundle.crt': trustAnchorsPem } });
    await kube(this.api, 'POST', '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations', {
      apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration', metadata: { name: 'linkerd-proxy-injector-webhook-config' },
      webhooks: [{
        name: 'linkerd-proxy-injector.linkerd.io', admissionReviewVersions: ['v1'], sideEffects: 'None', failurePolicy: 'Ignore',
        clientConfig: { service: { name: 'linkerd-proxy-injector', namespace: 'linkerd', path: '/' } },
        rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }],
        // Registered like Linkerd's, but selecting no object: no injector runs in the harness.
        objectSelector: { matchLabels: { 'meshlens.test/never': 'true' } },
      }],
    });
    await kube(this.api, 'POST', '/api/v1/namespaces/linkerd/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'linkerd-config', namespace: 'linkerd' }, data: { values: `linkerdVersion: ${LINKERD_VERSION}\nidentityTrustDomain: cluster.local\n` } });
  }

  /** Applies the Linkerd and Gateway API CRDs and waits until each is Established. */
  async crds() {
    const dir = join(REPO, 'test/fixtures/linkerd-2.19/crds');
    const names: string[] = [];
    for (const file of readdirSync(dir).filter(f => f.endsWith('.yaml')).sort()) {
      for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map(d => d.toJS()).filter(Boolean)) {
        await kube(this.api, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', doc, [409]);
        names.push(doc.metadata.name);
      }
    }
    for (const name of names) {
      for (let i = 0; ; i++) {
        const crd = await kube(this.api, 'GET', `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`);
        if (crd.status?.conditions?.some((c: any) => c.type === 'Established' && c.status === 'True')) break;
        if (i > 100) throw new Error(`CRD ${name} not Established`);
        await sleep(100);
      }
    }
    return names;
  }

  /**
   * A stand-in for cert-manager: its `certificates.cert-manager.io` CRD (schema left open, no
   * status subresource, so a created object keeps its status) and the identity issuer's
   * Certificate, Ready, valid from a day ago for `days` days, renewed 10 days before its end.
   */
  async certManagerIssuer(days: number) {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'certificates.cert-manager.io' },
      spec: {
        group: 'cert-manager.io', scope: 'Namespaced', names: { plural: 'certificates', singular: 'certificate', kind: 'Certificate', listKind: 'CertificateList' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      },
    };
    await kube(this.api, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd, [409]);
    for (let i = 0; ; i++) {
      const got = await kube(this.api, 'GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/certificates.cert-manager.io');
      if (got.status?.conditions?.some((c: any) => c.type === 'Established' && c.status === 'True')) break;
      if (i > 100) throw new Error('CRD certificates.cert-manager.io not Established');
      await sleep(100);
    }
    const at = (d: number) => new Date(Date.now() + d * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const status = { notBefore: at(-1), notAfter: at(days - 1), renewalTime: at(days - 11), conditions: [{ type: 'Ready', status: 'True', reason: 'Ready', message: 'Certificate is up to date and has not expired' }] };
    await kube(this.api, 'POST', '/apis/cert-manager.io/v1/namespaces/linkerd/certificates', {
      apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'linkerd-identity-issuer', namespace: 'linkerd' },
      spec: { secretName: 'linkerd-identity-issuer', isCA: true, commonName: 'identity.linkerd.cluster.local', issuerRef: { name: 'linkerd-trust-anchor', kind: 'Issuer' } },
      status,
    });
    return status;
  }

  /** Applies deploy/rbac.yaml and returns a token for the plugin's ServiceAccount (TokenRequest). */
  async pluginToken(): Promise<string> {
    const docs = parseAllDocuments(readFileSync(join(REPO, 'deploy/rbac.yaml'), 'utf8')).map(d => d.toJS()).filter(Boolean);
    for (const doc of docs) {
      const ns = doc.metadata.namespace;
      const [group, version] = doc.apiVersion.includes('/') ? doc.apiVersion.split('/') : ['', doc.apiVersion];
      const plural = `${doc.kind.toLowerCase()}s`.replace(/ys$/, 'ies');
      const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
      if (doc.kind === 'Namespace') await this.namespace(doc.metadata.name);
      else await kube(this.api, 'POST', `${base}${ns ? `/namespaces/${ns}` : ''}/${plural}`, doc, [409]);
    }
    const res = await kube(this.api, 'POST', '/api/v1/namespaces/meshlens/serviceaccounts/meshlens/token', {
      apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 3600 },
    });
    return res.status.token;
  }
}
