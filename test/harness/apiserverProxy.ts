// A plain-HTTP proxy (node:http on 127.0.0.1) in front of the harness's HTTPS apiserver: the
// client's bearer token passes through, the apiserver is trusted by its CA. Watch responses are
// forwarded line by line, so the proxy can end any of them with a `410 Expired` ERROR event the
// way an apiserver does when a resourceVersion is too old (e.g. compacted).
import http from 'node:http';
import https from 'node:https';
import { freePort } from '../support/backend.ts';

export interface ApiserverProxy {
  /** http://127.0.0.1:PORT: give it to client-node with `skipTLSVerify: true`. */
  url: string;
  /**
   * Ends every open watch with a 410 ERROR event, and answers the next watch request of every
   * other path watched so far with one; each path gets exactly one. Returns the paths of the
   * open watches ended now.
   */
  expireWatches(): string[];
  /** Paths answered or ended with 410 since start. */
  expired: string[];
  /** Paths with a watch open right now. */
  openWatches(): string[];
  /** Every request seen: method, path and the client's Authorization header (bounded). */
  requests: Array<{ method: string; path: string; watch: boolean; authorization?: string }>;
  stop(): Promise<void>;
}

const EXPIRED = `${JSON.stringify({ type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 410, reason: 'Expired', message: 'too old resource version' } })}\n`;
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade'];

interface OpenWatch { path: string; res: http.ServerResponse; upstream: http.ClientRequest }

function copyHeaders(headers: http.IncomingHttpHeaders) {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !HOP_BY_HOP.includes(k.toLowerCase())));
}

function unavailable(res: http.ServerResponse, message: string) {
  if (res.headersSent) { res.destroy(); return; }
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 503, reason: 'ServiceUnavailable', message });
  res.writeHead(503, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Forwards complete lines only, so an injected event never splits one of the apiserver's. */
function forwardLines(up: http.IncomingMessage, res: http.ServerResponse) {
  let partial = '';
  up.setEncoding('utf8');
  up.on('data', (chunk: string) => {
    const text = partial + chunk;
    const cut = text.lastIndexOf('\n') + 1;
    partial = text.slice(cut);
    if (cut > 0 && !res.writableEnded) res.write(text.slice(0, cut));
  });
  up.on('end', () => { if (!res.writableEnded) res.end(partial); });
}

/** Answers 401 the way the apiserver does for a token it does not accept. */
function unauthorized(res: http.ServerResponse, message: string) {
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 401, reason: 'Unauthorized', message });
  res.writeHead(401, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export interface ProxyOptions {
  port?: number;
  /**
   * Maps the client's Authorization header to the one sent upstream (undefined: answer 401),
   * like a cloud's token webhook maps an IAM identity to a Kubernetes user. Default: passed through.
   */
  authorize?: (authorization: string | undefined) => string | undefined;
}

/** Starts the proxy to `target` (the apiserver's https URL) trusting `ca`, on `port` or a free one. */
export async function startApiserverProxy(target: string, ca: string, opts: ProxyOptions = {}): Promise<ApiserverProxy> {
  const port = opts.port ?? await freePort();
  const upstreamUrl = new URL(target);
  const agent = new https.Agent({ ca, keepAlive: true });
  const open = new Set<OpenWatch>();
  const watched = new Set<string>();
  const pending = new Set<string>();
  const expired: string[] = [];
  const requests: ApiserverProxy['requests'] = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const isWatch = ['true', '1'].includes(url.searchParams.get('watch') ?? '');
    if (requests.length < 100_000) requests.push({ method: req.method ?? '', path: url.pathname, watch: isWatch, authorization: req.headers.authorization });
    let authorization = req.headers.authorization;
    if (opts.authorize) {
      authorization = opts.authorize(authorization);
      if (!authorization) { unauthorized(res, 'Unauthorized (proxy: token not accepted)'); return; }
    }
    if (isWatch) watched.add(url.pathname);
    if (isWatch && pending.delete(url.pathname)) {
      expired.push(url.pathname);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(EXPIRED);
      return;
    }
    const upstream = https.request({
      host: upstreamUrl.hostname, port: upstreamUrl.port, path: req.url, method: req.method, agent,
      headers: { ...copyHeaders(req.headers), host: upstreamUrl.host, ...(authorization ? { authorization } : {}) },
    }, up => {
      res.writeHead(up.statusCode ?? 502, copyHeaders(up.headers));
      // A reset upstream (apiserver killed) resets the client's response too.
      up.on('close', () => { if (!up.complete && !res.writableEnded) res.destroy(); });
      if (!isWatch || up.statusCode !== 200) { up.pipe(res); return; }
      // Headers now: a watch with no event yet must still count as started for the client.
      res.flushHeaders();
      const watch: OpenWatch = { path: url.pathname, res, upstream };
      open.add(watch);
      res.on('close', () => open.delete(watch));
      forwardLines(up, res);
    });
    upstream.on('error', e => unavailable(res, `apiserver unreachable through the proxy: ${(e as Error).message}`));
    res.on('close', () => { if (!res.writableFinished) upstream.destroy(); });
    req.pipe(upstream);
  });
  await new Promise<void>(ok => server.listen(port, '127.0.0.1', ok));

  return {
    url: `http://127.0.0.1:${port}`,
    expired,
    requests,
    openWatches: () => [...open].map(w => w.path),
    expireWatches() {
      const ended: string[] = [];
      for (const w of open) {
        open.delete(w);
        ended.push(w.path);
        expired.push(w.path);
        w.res.end(EXPIRED);
        w.upstream.destroy();
      }
      for (const path of watched) if (!ended.includes(path)) pending.add(path);
      return ended;
    },
    async stop() {
      for (const w of open) w.res.destroy();
      server.closeAllConnections();
      await new Promise<void>(ok => server.close(() => ok()));
      agent.destroy();
    },
  };
}
