// A minimal HTTPS client for the harness apiserver (fixtures, RBAC, tokens): the tests talk to
// the API the way kubectl does, without pulling a client library into the harness.
import https from 'node:https';

export interface KubeTarget { url: string; ca: string; token: string }

/** One request; resolves with the status and the parsed JSON body (or the text). */
export function kubeRequest(
  target: KubeTarget,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<{ status: number; body: any }> {
  return new Promise((ok, fail) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = https.request(`${target.url}${path}`, {
      method,
      ca: target.ca,
      headers: {
        Authorization: `Bearer ${target.token}`,
        Accept: 'application/json',
        ...(payload ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) } : {}),
      },
      timeout: 30_000,
    }, res => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', d => { text += d; });
      res.on('end', () => {
        let parsed: any = text;
        try { parsed = JSON.parse(text); } catch { /* not JSON */ }
        ok({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', fail);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Like kubeRequest, but throws unless the status is 2xx (or one of `allow`). */
export async function kube(target: KubeTarget, method: string, path: string, body?: unknown, allow: number[] = []) {
  const contentType = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  const res = await kubeRequest(target, method, path, body, contentType);
  if ((res.status < 200 || res.status >= 300) && !allow.includes(res.status)) {
    throw new Error(`${method} ${path} → ${res.status}: ${typeof res.body === 'string' ? res.body : res.body?.message}`);
  }
  return res.body;
}
