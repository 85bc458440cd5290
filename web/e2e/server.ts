import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// Starts the real `imagross serve` on a loopback port, serving the built web app, over a fresh
// database that contains a small generated data set, an administrator and a few issued cards.

const run = promisify(execFile);

const E2E_DIRECTORY = dirname(fileURLToPath(import.meta.url));
export const REPOSITORY_ROOT = resolve(E2E_DIRECTORY, '..', '..');
export const WEB_DIST = resolve(E2E_DIRECTORY, '..', 'dist');

/**
 * Returns the binary under test: IMAGROSS_BIN (a relative path counts from the current folder),
 * or the Release build that `make` writes.
 */
export function imagrossBinary(): string {
  const fromEnvironment = process.env.IMAGROSS_BIN;
  const binary = fromEnvironment
    ? resolve(fromEnvironment)
    : join(REPOSITORY_ROOT, 'build', 'release', 'src', 'cli', 'imagross');
  if (!existsSync(binary)) {
    throw new Error(
      `imagross binary not found at ${binary}: build it, or set IMAGROSS_BIN to its path`,
    );
  }
  return binary;
}

/** Demo data lines imported before the tests: enough for every table, quick to generate. */
export const DEMO_LINES = 20000;

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

async function imagross(
  binary: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  try {
    const { stdout } = await run(binary, args, { cwd, env, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failure = error as { stderr?: string; message: string };
    throw new Error(`imagross ${args.join(' ')} failed: ${failure.stderr || failure.message}`);
  }
}

async function waitUntilReady(baseUrl: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`imagross serve exited with status ${server.exitCode} before it was ready`);
    }
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`imagross serve was not ready at ${baseUrl} within ${timeoutMs} ms`);
}

/** An account the tests sign in with: a card number, e-mail or phone, and the password. */
export interface Credentials {
  identifier: string;
  password: string;
}

// The administrator the setup creates with `imagross admin create`. A test password, not a
// secret: it exists only in the temporary database of one run.
export const E2E_ADMIN: Credentials = {
  identifier: 'admin@e2e.imagross.test',
  password: 'e2e-admin-Passw0rd',
};

// The cards `imagross cards issue` registers for the sign-up tests: 12 leading digits under the
// chain's default prefix 2991, away from the numbers of the demo data.
const ISSUED_CARDS_FROM = '299177770000';
const ISSUED_CARDS_COUNT = 5;

/** Completes 12 digits with their GS1 check digit, apart from the app's own code. */
export function withCheckDigit(twelveDigits: string): string {
  const sum = [...twelveDigits].reduce(
    (total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3),
    0,
  );
  return `${twelveDigits}${(10 - (sum % 10)) % 10}`;
}

function issuedCards(): string[] {
  const first = Number(ISSUED_CARDS_FROM);
  return Array.from({ length: ISSUED_CARDS_COUNT }, (_, index) =>
    withCheckDigit(String(first + index).padStart(12, '0')),
  );
}

export interface RunningServer {
  baseUrl: string;
  admin: Credentials;
  /** Card numbers issued by the chain and linked to no member, for sign-up tests. */
  issuedCards: string[];
  stop: () => Promise<void>;
}

/** Creates the administrator and issues the cards the tests sign up with. */
async function createAccountsAndCards(binary: string, database: string, directory: string) {
  await imagross(
    binary,
    ['--db', database, 'admin', 'create', '--email', E2E_ADMIN.identifier],
    directory,
    {
      ...process.env,
      IMAGROSS_PASSWORD: E2E_ADMIN.password,
    },
  );
  await imagross(
    binary,
    [
      '--db',
      database,
      'cards',
      'issue',
      '--from',
      ISSUED_CARDS_FROM,
      '--count',
      String(ISSUED_CARDS_COUNT),
    ],
    directory,
  );
}

async function stopProcess(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Generates and imports the data, starts the server and waits until it is ready. */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`no built web app in ${WEB_DIST}: run "npm run build" first`);
  }
  const binary = imagrossBinary();
  const directory = await mkdtemp(join(tmpdir(), 'imagross-e2e-'));
  const database = join(directory, 'e2e.db');
  const demo = join(directory, 'demo');

  await imagross(binary, ['demo-data', '--lines', String(DEMO_LINES), '--out', demo], directory);
  await imagross(
    binary,
    ['--db', database, 'import', 'sales', join(demo, 'sales.csv'), '--reject-dir', directory],
    directory,
  );
  await createAccountsAndCards(binary, database, directory);

  const port = await freeLoopbackPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  // Uploads and reject reports go to the temporary folder, which the stop removes.
  const server = spawn(
    binary,
    [
      '--db',
      database,
      'serve',
      '--listen',
      `127.0.0.1:${port}`,
      '--web-dir',
      WEB_DIST,
      '--import-dir',
      join(directory, 'uploads'),
      '--reject-dir',
      join(directory, 'rejects'),
    ],
    { cwd: directory, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));

  try {
    await waitUntilReady(baseUrl, server, 120_000);
  } catch (error) {
    await stopProcess(server);
    await rm(directory, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n--- server output ---\n${log.join('')}`);
  }

  return {
    baseUrl,
    admin: E2E_ADMIN,
    issuedCards: issuedCards(),
    stop: async () => {
      await stopProcess(server);
      if (process.env.IMAGROSS_E2E_KEEP) console.log(`e2e files kept in ${directory}`);
      else await rm(directory, { recursive: true, force: true });
    },
  };
}
