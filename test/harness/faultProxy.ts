// A controllable HTTP proxy (plain node:http on 127.0.0.1) between a client and an HTTP server,
// e.g. the backend and Prometheus: it forwards, refuses connections, answers too late, or
// answers 200 with a body the client cannot use.
import http from 'node:http';
import type { Socket } from 'node:net';
import { freePort } from '../support/backend.ts';

/**
 * `pass` forwards; `down` refuses (nothing listens, open sockets destroyed); `slow` forwards
 * after `slowMs`; `garbage` answers 200 with HTML; `wrong-shape` answers 200 with JSON that is
 * a valid Prometheus answer of the wrong result type.
 */
export type FaultMode = 'pass' | 'down' | 'slow' | 'garbage' | 'wrong-shape';

export interface FaultProxy {
  url: string;
  mode(): FaultMode;
  /** Switches the mode; resolves when it is in effect (listening again, or closed). */
  set(mode: FaultMode): Promise<void>;
  /** Requests received since start, by the mode they met. */
  served: Record<FaultMode, number>;
  stop(): Promise<void>;
}

const GARBAGE = '<html><body>502 Bad Gateway</body></html>';
const WRONG_SHAPE = JSON.stringify({ status: 'success', data: { resultType: 'scalar', result: [1795000000, '1'] } });

/** Starts a proxy in `pass` mode to `target` (an http:// base URL). */
export async function startFaultProxy(target: string, opts: { slowMs: number }): Promise<FaultProxy> {
  const port = await freePort();
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const served: Record<FaultMode, number> = { pass: 0, down: 0, slow: 0, garbage: 0, 'wrong-shape': 0 };
  let mode: FaultMode = 'pass';

  const forward = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (res.destroyed) return;
    const out = http.request({
      host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, agent,
      headers: { ...req.headers, host: upstream.host },
    }, up => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => res.destroy());
    // The client gave up (e.g. its timeout): stop the upstream request too.
    res.on('close', () => { if (!res.writableFinished) out.destroy(); });
    req.pipe(out);
  };
  const server = http.createServer((req, res) => {
    served[mode]++;
    if (mode === 'garbage' || mode === 'wrong-shape') {
      const body = mode === 'garbage' ? GARBAGE : WRONG_SHAPE;
      res.writeHead(200, { 'Content-Type': mode === 'garbage' ? 'text/html' : 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    } else if (mode === 'slow') {
      const timer = setTimeout(() => { timers.delete(timer); forward(req, res); }, opts.slowMs);
      timers.add(timer);
    } else {
      forward(req, res);
    }
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = () => new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => { server.off('error', fail); ok(); });
  });
  const close = () => new Promise<void>(ok => {
    server.close(() => ok());
    for (const s of sockets) s.destroy();
  });
  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    mode: () => mode,
    served,
    async set(next) {
      if (next === mode) return;
      const wasDown = mode === 'down';
      mode = next;
      if (next === 'down') await close();
      else if (wasDown) await listen();
    },
    async stop() {
      for (const t of timers) clearTimeout(t);
      if (server.listening) await close();
      agent.destroy();
    },
  };
}
