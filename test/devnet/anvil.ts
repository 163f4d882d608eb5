import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer, type Socket } from 'node:net';

// Anvil runs as a child of the test process. It must never outlive it: a leftover anvil keeps
// its port, and the next run would either fail or, worse, talk to a chain with stale state.

const running = new Set<ChildProcess>();
let exitHooksInstalled = false;

function killAll(signal: NodeJS.Signals) {
  for (const child of running) child.kill(signal);
  running.clear();
}

function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => killAll('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      killAll('SIGTERM');
      // Listening to a signal replaces Node's default exit; if nobody else handles it, restore
      // the default by re-raising it, so Ctrl-C still ends the process.
      process.off(signal, onSignal);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/**
 * The native binary from @foundry-rs/anvil's platform package, run directly: through the npm
 * shim there would be a Node process in between, and killing the shim hard would orphan anvil.
 */
function anvilCommand(): [string, string[]] {
  const require = createRequire(import.meta.url);
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  const exe = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  try {
    return [require.resolve(`@foundry-rs/anvil-${process.platform}-${arch}/bin/${exe}`), []];
  } catch {
    return [process.execPath, [require.resolve('@foundry-rs/anvil/bin.mjs')]];
  }
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} is already in use (another devnet or anvil still running?). Stop it or pick another port.`)
          : error,
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

export interface Anvil {
  rpcUrl: string;
  port: number;
  stop(): Promise<void>;
}

export async function startAnvil(opts: { port: number; chainId: number; silent?: boolean }): Promise<Anvil> {
  const { port, chainId, silent = true } = opts;
  await assertPortFree(port);
  installExitHooks();
  const [command, prefix] = anvilCommand();
  const args = [...prefix, '--port', String(port), '--chain-id', String(chainId), '--host', '127.0.0.1'];
  const child = spawn(command, silent ? [...args, '--silent'] : args, {
    stdio: ['ignore', silent ? 'ignore' : 'inherit', 'pipe'],
  });
  running.add(child);
  // Unreferenced: anvil alone must not keep a finished test process alive; the exit hook ends it.
  child.unref();
  (child.stderr as Socket | null)?.unref();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (!silent) process.stderr.write(chunk);
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      running.delete(child);
      const why = /in use/i.test(stderr) ? `port ${port} is already in use` : stderr.trim() || `code ${code ?? signal}`;
      reject(new Error(`anvil (chain ${chainId}, port ${port}) exited: ${why}`));
    });
  });
  exited.catch(() => {}); // only awaited while starting; a later exit is stop() or the process ending

  const rpcUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
    await gone;
    clearTimeout(timer);
  };
  try {
    await Promise.race([exited, waitForRpc(rpcUrl, () => child.exitCode === null && child.signalCode === null)]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { rpcUrl, port, stop };
}

async function waitForRpc(rpcUrl: string, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] });
  for (;;) {
    try {
      const res = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (!alive()) return; // the exit is reported by startAnvil
    if (Date.now() > deadline) throw new Error(`anvil at ${rpcUrl} did not answer within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
