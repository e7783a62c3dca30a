/**
 * What the benchmarks share: the server in its own process, the description of the machine they
 * ran on, and writing a section of server/BENCHMARKS.md between a benchmark's own markers.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort } from './neo4j.ts';

export const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(SERVER_DIR, '..');
export const REPORT_FILE = path.join(SERVER_DIR, 'BENCHMARKS.md');

export type ServerChild = { url: string; base: string; pid: number; stop(): Promise<void> };

/** The API in its own Node process, as `pnpm start` runs it, on a free loopback port. */
export async function startServerChild(
  neo4jUri: string,
  logLevel: string,
  env: Record<string, string> = {},
): Promise<ServerChild> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      NEO4J_URI: neo4jUri,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: logLevel,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited before it was ready:\n${tail.join('\n')}`);
    }
    const ready = await fetch(`${base}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server was not ready after 120 s:\n${tail.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url: `${base}/graphql`,
    base,
    pid: child.pid as number,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killTimer);
    },
  };
}

export function machineDescription() {
  const cpuModel = cpus()[0]?.model ?? 'unknown CPU';
  const nproc = (() => {
    try {
      return execFileSync('nproc', { encoding: 'utf8' }).trim();
    } catch {
      return String(cpus().length);
    }
  })();
  return {
    nproc,
    cpuModel,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at start)`,
    loadAtStart: loadavg()
      .map((value) => value.toFixed(2))
      .join(' '),
  };
}

/** Replaces the text between `start` and `end` in BENCHMARKS.md, or appends it; the rest is kept. */
export async function recordReport(start: string, end: string, section: string): Promise<void> {
  const existing = await readFile(REPORT_FILE, 'utf8').catch(() => '');
  const from = existing.indexOf(start);
  const to = existing.indexOf(end);
  const block = `${start}\n${section.trim()}\n${end}`;
  const next =
    from >= 0 && to > from
      ? `${existing.slice(0, from)}${block}${existing.slice(to + end.length)}`
      : `${existing.trim() ? `${existing.trim()}\n\n` : '# API benchmarks\n\n'}${block}\n`;
  await writeFile(REPORT_FILE, next);
}

/** A command-line option that must be a whole number of at least 1. */
export function positiveInt(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a whole number >= 1, got "${raw}"`);
  return value;
}
