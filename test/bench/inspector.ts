// A minimal V8 inspector client for the backend (started with --inspect=127.0.0.1:PORT): CPU
// sampling around exactly the load (not the boot, the catalog ingestion or the cache sync), and
// a full garbage collection before reading memory. Uses Node's global WebSocket.
import { writeFileSync } from 'node:fs';

export interface InspectorSession {
  send(method: string, params?: object): Promise<any>;
  close(): void;
}

/** Opens a session on the first inspector target on `port`. */
export async function connectInspector(port: number): Promise<InspectorSession> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise((ok, fail) => { ws.onopen = ok; ws.onerror = () => fail(new Error('inspector connection failed')); });
  let id = 0;
  const pending = new Map<number, (msg: any) => void>();
  ws.onmessage = e => {
    const msg = JSON.parse(String(e.data));
    if (msg.id !== undefined) pending.get(msg.id)?.(msg);
  };
  const send = (method: string, params: object = {}) => new Promise<any>((ok, fail) => {
    const current = ++id;
    const timer = setTimeout(() => fail(new Error(`inspector ${method} timed out`)), 120_000);
    pending.set(current, msg => {
      clearTimeout(timer);
      pending.delete(current);
      if (msg.error) fail(new Error(`inspector ${method}: ${msg.error.message}`));
      else ok(msg.result);
    });
    ws.send(JSON.stringify({ id: current, method, params }));
  });
  return { send, close: () => ws.close() };
}

/** Starts CPU sampling every `intervalUs`; `stop(file)` writes the .cpuprofile. */
export async function startProfiler(port: number, intervalUs = 200): Promise<{ stop(file: string): Promise<void> }> {
  const session = await connectInspector(port);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.send('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = await session.send('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.close();
    },
  };
}

/** V8 heap in use (MiB) right after a full garbage collection. */
export async function heapAfterGc(port: number): Promise<number> {
  const session = await connectInspector(port);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return usedSize / 1048576;
  } finally {
    session.close();
  }
}
