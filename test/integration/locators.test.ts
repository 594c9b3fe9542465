// Every cluster the Kubernetes plugin knows, read by the real backend from a real kube-apiserver:
// a catalog-located cluster with credentials from config, the pod's own ServiceAccount whose
// token file is rotated mid-run, an `aws` cluster whose EKS token (from the Kubernetes plugin's
// AwsIamStrategy, over a stubbed AWS container-credentials endpoint) is checked at a recording
// proxy, and client-side providers listed with their reason.
import assert from 'node:assert/strict';
import http from 'node:http';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort, startBackend, type RunningBackend } from '../support/backend.ts';
import { startControlPlane, type ControlPlane } from '../harness/controlPlane.ts';
import { startApiserverProxy, type ApiserverProxy } from '../harness/apiserverProxy.ts';
import { verifyEksToken } from '../harness/eksToken.ts';
import { Fixtures, trustAnchorPem } from '../harness/fixtures.ts';
import { kube, kubeRequest } from '../harness/kubeRequest.ts';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const EKS_CLUSTER_ID = 'eks-prod';

/** A stand-in for the AWS container credentials endpoint: a new key pair on every call. */
async function startAwsCredentialsStub(firstLifetimeSeconds: number) {
  const port = await freePort();
  const secrets = new Map<string, string>();
  let calls = 0;
  const server = http.createServer((_req, res) => {
    calls++;
    const id = `AKIASTUB${calls}`;
    secrets.set(id, `stub-secret-${calls}`);
    const lifetime = calls === 1 ? firstLifetimeSeconds : 3600;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ AccessKeyId: id, SecretAccessKey: secrets.get(id), Token: `stub-session-${calls}`, Expiration: new Date(Date.now() + lifetime * 1000).toISOString() }));
  });
  await new Promise<void>(ok => server.listen(port, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${port}/creds`, secrets, calls: () => calls, stop: () => new Promise<void>(ok => server.close(() => ok())) };
}

/**
 * A stand-in for Azure App Service's managed-identity endpoint (IDENTITY_ENDPOINT +
 * IDENTITY_HEADER, as MSAL's ManagedIdentitySources/AppService reads them): a new token per call.
 */
async function startAzureIdentityStub(firstLifetimeSeconds: number) {
  const port = await freePort();
  const header = `stub-header-${process.pid}`;
  const issued: string[] = [];
  const resources: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    if (req.headers['x-identity-header'] !== header) { res.writeHead(401).end(); return; }
    resources.push(url.searchParams.get('resource') ?? '');
    const token = `azure-token-${issued.length + 1}`;
    const lifetime = issued.length === 0 ? firstLifetimeSeconds : 3600;
    issued.push(token);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ access_token: token, expires_on: String(Math.floor(Date.now() / 1000) + lifetime), resource: url.searchParams.get('resource'), token_type: 'Bearer' }));
  });
  await new Promise<void>(ok => server.listen(port, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${port}/msi/token`, header, issued, resources, stop: () => new Promise<void>(ok => server.close(() => ok())) };
}

describe('cluster locators and auth providers', () => {
  let cp: ControlPlane;
  let fx: Fixtures;
  let backend: RunningBackend;
  let pluginToken: string;
  let proxy: ApiserverProxy;
  let aws: Awaited<ReturnType<typeof startAwsCredentialsStub>>;
  let azure: Awaited<ReturnType<typeof startAzureIdentityStub>>;
  let aksProxy: ApiserverProxy;
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-locators-'));
  const tokenFile = join(dir, 'serviceaccount', 'token');
  const admin = () => ({ url: cp.url, ca: cp.ca, token: cp.adminToken });
  const eksAccepted: string[] = [];
  let resource: (name: string, annotations: Record<string, string>) => string;
  const clusters = async () => {
    const res = await fetch(`${backend.url}/api/service-mesh/v1/clusters`, { headers: { Authorization: `Bearer ${backend.token}` } });
    assert.equal(res.status, 200);
    return new Map(((await res.json()) as any).clusters.map((c: any) => [c.name, c])) as Map<string, any>;
  };
  const waitFor = async (what: string, check: (cs: Map<string, any>) => boolean, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    let last = await clusters();
    while (!check(last)) {
      if (Date.now() > deadline) throw new Error(`${what} not seen within ${timeoutMs} ms: ${JSON.stringify([...last.values()].map(c => [c.name, c.synced, c.errors]))}`);
      await sleep(200);
      last = await clusters();
    }
    return last;
  };
  /** A ServiceAccount token bound to a Secret of its own (TokenRequest boundObjectRef): deleting the Secret invalidates it. */
  const boundToken = async (anchor: string) => {
    const secret = await kube(admin(), 'POST', '/api/v1/namespaces/meshlens/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: anchor, namespace: 'meshlens' } });
    const res = await kube(admin(), 'POST', '/api/v1/namespaces/meshlens/serviceaccounts/meshlens/token', {
      apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest',
      spec: { expirationSeconds: 3600, boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: anchor, uid: secret.metadata.uid } },
    });
    return res.status.token as string;
  };
  /** Writes the token file the way the kubelet does: a new file renamed over the old. */
  const writeTokenFile = (token: string) => {
    writeFileSync(`${tokenFile}.tmp`, token);
    renameSync(`${tokenFile}.tmp`, tokenFile);
  };
  const canList = async (token: string) => (await kubeRequest({ url: cp.url, ca: cp.ca, token }, 'GET', '/api/v1/namespaces/linkerd/pods')).status;

  before(async () => {
    cp = await startControlPlane();
    fx = new Fixtures(admin());
    await fx.crds();
    await fx.linkerdControlPlane(trustAnchorPem(365));
    await fx.namespace('shop', { 'linkerd.io/inject': 'enabled' });
    await fx.deployment('shop', 'cart', ['classic', 'classic']);
    pluginToken = await fx.pluginToken();
    mkdirSync(join(dir, 'serviceaccount'));
    writeTokenFile(await boundToken('meshlens-token-anchor-1'));

    aws = await startAwsCredentialsStub(310);
    // An EKS cluster's authenticator: a valid token for this cluster id is mapped to the plugin's
    // ServiceAccount (EKS maps the IAM identity to a Kubernetes user); anything else is 401.
    proxy = await startApiserverProxy(cp.url, cp.ca, {
      authorize: header => {
        const identity = verifyEksToken(header, EKS_CLUSTER_ID, aws.secrets);
        if (typeof identity === 'string') return undefined;
        if (!eksAccepted.includes(identity.accessKeyId)) eksAccepted.push(identity.accessKeyId);
        return `Bearer ${pluginToken}`;
      },
    });

    // MSAL renews a token 5 minutes before it expires: the first one is renewed after ~8 s.
    azure = await startAzureIdentityStub(308);
    // An AKS cluster's Entra ID authentication: a token the identity endpoint issued is accepted.
    aksProxy = await startApiserverProxy(cp.url, cp.ca, {
      authorize: header => (azure.issued.some(t => header === `Bearer ${t}`) ? `Bearer ${pluginToken}` : undefined),
    });

    const caBase64 = Buffer.from(cp.ca).toString('base64');
    resource = (name: string, annotations: Record<string, string>) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: ${name}\n  annotations: ${JSON.stringify(annotations)}\nspec: {type: kubernetes-cluster, owner: group:default/homelab-ops}\n`;
    writeFileSync(join(dir, 'catalog.yaml'), [
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: cart, annotations: {backstage.io/kubernetes-id: cart}}\nspec: {type: service, lifecycle: production, owner: group:default/homelab-ops}\n',
      // The portal reads these with the user's OIDC token; Meshlens gets a token from config for the first.
      resource('harness-catalog', { 'kubernetes.io/api-server': cp.url, 'kubernetes.io/api-server-certificate-authority': caBase64, 'kubernetes.io/auth-provider': 'oidc', 'kubernetes.io/oidc-token-provider': 'okta' }),
      resource('oidc-catalog', { 'kubernetes.io/api-server': cp.url, 'kubernetes.io/api-server-certificate-authority': caBase64, 'kubernetes.io/auth-provider': 'oidc', 'kubernetes.io/oidc-token-provider': 'okta' }),
      resource('sa-catalog', { 'kubernetes.io/api-server': cp.url, 'kubernetes.io/api-server-certificate-authority': caBase64, 'kubernetes.io/auth-provider': 'serviceAccount' }),
    ].join('---\n'));

    const apiPort = new URL(cp.url).port;
    const env: Record<string, string> = {
      APP_CONFIG_catalog_locations: JSON.stringify([{ type: 'file', target: join(dir, 'catalog.yaml') }]),
      APP_CONFIG_catalog_processingInterval: JSON.stringify({ seconds: 2 }),
      APP_CONFIG_kubernetes: JSON.stringify({
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [
          // The harness listens on loopback: allowed explicitly, as the Kubernetes plugin requires.
          { type: 'catalog', dangerouslyAllowClusterUrls: ['127.0.0.1'] },
          { type: 'config', clusters: [
            // In a pod the configured url is not used (KUBERNETES_SERVICE_HOST/PORT are).
            { name: 'in-cluster', url: 'https://kubernetes.default.svc', authProvider: 'serviceAccount', dashboardUrl: 'https://dashboard.example', skipMetricsLookup: true },
            // The proxy speaks plain HTTP, which client-node allows only with skipTLSVerify.
            { name: 'eks', url: proxy.url, skipTLSVerify: true, authProvider: 'aws', authMetadata: { 'kubernetes.io/x-k8s-aws-id': EKS_CLUSTER_ID } },
            { name: 'aks', url: aksProxy.url, skipTLSVerify: true, authProvider: 'azure' },
            { name: 'gke-user', url: cp.url, caFile: cp.caFile, authProvider: 'google' },
          ] },
        ],
      }),
      APP_CONFIG_serviceMesh: JSON.stringify({
        clusters: [{ name: 'harness-catalog', serviceAccountToken: pluginToken }],
        clusterLocators: { refreshSeconds: 1 },
        inCluster: { tokenFile, caFile: cp.caFile },
      }),
      KUBERNETES_SERVICE_HOST: '127.0.0.1',
      KUBERNETES_SERVICE_PORT: apiPort,
      // The AWS SDK's default chain finds only the stub: no keys, profiles or instance metadata.
      AWS_CONTAINER_CREDENTIALS_FULL_URI: aws.url,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_CONFIG_FILE: join(dir, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      // DefaultAzureCredential finds only the stub: no service principal or workload identity.
      IDENTITY_ENDPOINT: azure.url,
      IDENTITY_HEADER: azure.header,
      AZURE_CLIENT_ID: '',
      AZURE_TENANT_ID: '',
      AZURE_CLIENT_SECRET: '',
      AZURE_FEDERATED_TOKEN_FILE: '',
    };
    backend = await startBackend({ waitForEntities: ['component:default/cart', 'resource:default/harness-catalog'], env });
    // Freshly created CRDs can answer 429 for a moment: wait (bounded) until the readable ones settle.
    await waitFor('readable clusters synced', cs => ['harness-catalog', 'in-cluster', 'eks'].every(n => cs.get(n)?.synced && cs.get(n)?.errors.length === 0), 60_000);
    await waitFor('aks synced', cs => cs.get('aks')?.synced && cs.get('aks')?.errors.length === 0, 30_000);
  });

  after(async () => {
    await backend?.stop();
    await proxy?.stop();
    await aksProxy?.stop();
    await azure?.stop();
    await aws?.stop();
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a catalog-located cluster (a kubernetes-cluster Resource) with its credentials from serviceMesh.clusters', async () => {
    // Filter and annotation names: backstage/backstage plugins/kubernetes-backend/src/cluster-locator/CatalogClusterLocator.ts
    // (kind Resource, spec.type kubernetes-cluster, api-server, api-server-certificate-authority and
    // auth-provider present) and plugins/kubernetes-common/src/catalog-entity-constants.ts (ANNOTATION_KUBERNETES_*).
    const c = (await clusters()).get('harness-catalog');
    assert.deepEqual([c.source, c.synced, c.errors, c.linkerdInstalled], ['kubernetes', true, [], true]);
    assert.equal(c.counts.meshedPods, 2 + 3, JSON.stringify(c.counts));
  });

  it('lists client-side and refused clusters with their reason', async () => {
    const cs = await clusters();
    // google/oidc/aks take the token from the user's request: plugins/kubernetes-backend/src/auth/{GoogleStrategy,OidcStrategy,AksStrategy}.ts.
    for (const [name, provider] of [['oidc-catalog', 'oidc'], ['gke-user', 'google']]) {
      const c = cs.get(name);
      assert.ok(c, `${name} listed`);
      assert.equal(c.synced, false);
      assert.match(c.errors[0].message, new RegExp(`auth provider "${provider}" is client-side .*cannot feed a cache shared by every user`));
    }
    // CatalogClusterLocator.ts refuses the serviceAccount provider for catalog clusters.
    assert.match(cs.get('sa-catalog').errors[0].message, /catalog cluster locator does not support the serviceAccount auth provider/);
  });

  it('re-reads the catalog: a kubernetes-cluster Resource added later is listed', async () => {
    assert.equal((await clusters()).has('late-catalog'), false);
    // The catalog re-reads its file location every 2 s here (catalog.processingInterval).
    appendFileSync(join(dir, 'catalog.yaml'), `---\n${resource('late-catalog', { 'kubernetes.io/api-server': cp.url, 'kubernetes.io/api-server-certificate-authority': 'Q0E=', 'kubernetes.io/auth-provider': 'aks' })}`);
    const cs = await waitFor('the late catalog cluster', c => c.has('late-catalog'), 60_000);
    assert.match(cs.get('late-catalog').errors[0].message, /auth provider "aks" is client-side/);
  });

  it('in-cluster: reads the rotated ServiceAccount token file, with no gap in answers', async () => {
    const oldToken = readFileSync(tokenFile, 'utf8');
    assert.equal(await canList(oldToken), 200);
    let answers = 0;
    const gaps: string[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const c = (await clusters()).get('in-cluster');
        answers++;
        if (!c?.linkerdInstalled || !(c.counts?.pods > 0)) gaps.push(JSON.stringify(c?.errors));
        await sleep(100);
      }
    })();
    // The kubelet's rotation: a new token written, then the old one stops being valid.
    const newToken = await boundToken('meshlens-token-anchor-2');
    writeTokenFile(newToken);
    await kube(admin(), 'DELETE', '/api/v1/namespaces/meshlens/secrets/meshlens-token-anchor-1');
    for (let i = 0; i < 100 && (await canList(oldToken)) !== 401; i++) await sleep(100);
    assert.equal(await canList(oldToken), 401, 'the old token is rejected once its bound Secret is gone');
    // Every watch is cut: each reconnects, and only the new token is accepted now.
    await cp.restartApiserver();
    const workloads = (await clusters()).get('in-cluster').counts.workloads;
    await fx.deployment('shop', 'after-rotation', ['classic']);
    await waitFor('a change made after the rotation', cs => cs.get('in-cluster')?.counts.workloads === workloads + 1 && cs.get('in-cluster')?.errors.length === 0, 60_000);
    polling = false;
    await poller;
    console.log(`in-cluster: ${answers} answers during the rotation, ${gaps.length} without the cluster's data`);
    assert.deepEqual(gaps, []);
    assert.ok(answers > 10, `polled ${answers} times`);
  });

  it('aws: the EKS token from AwsIamStrategy is what Meshlens sends, refreshed with the credentials', async () => {
    // After the apiserver restart above, CRD storage may answer 429 for a moment.
    await waitFor('eks settled', cs => cs.get('eks')?.synced && cs.get('eks')?.errors.length === 0);
    const sent = proxy.requests.filter(r => r.authorization);
    assert.ok(sent.length > 0 && sent.every(r => r.authorization!.startsWith('Bearer k8s-aws-v1.')), 'every request carries an EKS token');
    const first = verifyEksToken(sent[0].authorization, EKS_CLUSTER_ID, aws.secrets);
    assert.equal(typeof first, 'object', String(first));
    assert.deepEqual([(first as any).accessKeyId, (first as any).region], ['AKIASTUB1', 'eu-west-1']);
    // The first credentials expire in 310 s: the SDK treats them as expired 5 minutes early, so
    // the next token is signed with fresh ones; cut the watches so they reconnect.
    await sleep(11_000);
    proxy.expireWatches();
    const deadline = Date.now() + 30_000;
    while (!eksAccepted.includes('AKIASTUB2') && Date.now() < deadline) await sleep(200);
    assert.deepEqual(eksAccepted.slice(0, 2), ['AKIASTUB1', 'AKIASTUB2']);
    assert.ok(aws.calls() >= 2);
    const after = await waitFor('eks resynced', cs => cs.get('eks')?.synced && cs.get('eks')?.errors.length === 0);
    assert.ok(after.get('eks').counts.meshedPods >= 5);
    const rejected = proxy.requests.filter(r => typeof verifyEksToken(r.authorization, EKS_CLUSTER_ID, aws.secrets) === 'string');
    assert.deepEqual(rejected, []);
  });

  it('azure: the token from AzureIdentityStrategy is what Meshlens sends, renewed before it expires', async () => {
    // The AKS server application id the strategy asks a token for:
    // plugins/kubernetes-backend/src/auth/AzureIdentityStrategy.ts (aksScope).
    assert.equal(azure.resources[0], '6dae42f8-4368-4678-94ff-3960e28e3630');
    const seen = () => [...new Set(aksProxy.requests.map(r => r.authorization))];
    assert.equal(seen()[0], 'Bearer azure-token-1');
    // The first token is renewed ~8 s after it was issued; cut the watches so they reconnect.
    await sleep(9_000);
    aksProxy.expireWatches();
    const deadline = Date.now() + 30_000;
    while (!seen().includes('Bearer azure-token-2') && Date.now() < deadline) await sleep(200);
    assert.deepEqual(seen().slice(0, 2), ['Bearer azure-token-1', 'Bearer azure-token-2']);
    assert.ok(seen().every(h => azure.issued.some(t => h === `Bearer ${t}`)), JSON.stringify(seen()));
    const cs = await waitFor('aks resynced', c => c.get('aks')?.synced && c.get('aks')?.errors.length === 0);
    assert.ok(cs.get('aks').counts.meshedPods >= 5);
  });
});
