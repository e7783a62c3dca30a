/**
 * Local Neo4j 5.26 (Community, embedded API) without Docker: only Node 20 and a JDK 17+ are needed.
 *
 *   tsx server/scripts/neo4j.ts fetch   # download the jars listed in server/neo4j/classpath.lock
 *   tsx server/scripts/neo4j.ts start   # run Neo4j in the foreground (data in .neo4j/data), Ctrl-C stops it
 *
 *   const neo = await startLocalNeo4j({ boltPort: 7687 }); // neo.uri === 'bolt://127.0.0.1:7687', no auth
 *   await neo.stop();
 *
 * Jars come from Maven Central through mvn-artifact-url's default base URL; set MAVEN_REPOSITORY_URL to
 * use a mirror (same layout). Everything lands in <repo>/.neo4j/, which must stay git-ignored.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { connect, createServer as createNetServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fileURLToPath } from 'node:url';
import mvnArtifactUrlModule from 'mvn-artifact-url';

type Artifact = { groupId: string; artifactId: string; version: string; classifier?: string };
type ArtifactUrlFn = (artifact: Artifact, basePath?: string) => Promise<string>;
// mvn-artifact-url is CommonJS with `exports.default`: depending on the loader (Node ESM vs. CJS interop)
// the default import is either the function itself or module.exports.
const artifactUrlImport = mvnArtifactUrlModule as unknown as ArtifactUrlFn | { default: ArtifactUrlFn };
const artifactUrl: ArtifactUrlFn =
  typeof artifactUrlImport === 'function' ? artifactUrlImport : artifactUrlImport.default;

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOCK_FILE = path.join(REPO_ROOT, 'server/neo4j/classpath.lock');
const LAUNCHER = path.join(REPO_ROOT, 'server/neo4j/Launcher.java');
const STATE_DIR = path.join(REPO_ROOT, '.neo4j');
const LIB_DIR = path.join(STATE_DIR, 'lib');
// Holds the sha1 of the lock file the lib dir was last verified against, so repeat calls skip hashing 120 MB.
const STAMP_FILE = path.join(LIB_DIR, '.verified-lock-sha1');
const PARALLEL_DOWNLOADS = 6;
const DOWNLOAD_ATTEMPTS = 3;

interface LockedJar {
  coordinates: string;
  artifact: Artifact;
  sha1: string;
  fileName: string;
}

async function readLock(): Promise<{ jars: LockedJar[]; lockSha1: string }> {
  const text = await readFile(LOCK_FILE, 'utf8');
  const jars: LockedJar[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [coordinates, sha1] = line.split(/\s+/);
    const parts = coordinates?.split(':') ?? [];
    if (!coordinates || !sha1 || !/^[0-9a-f]{40}$/.test(sha1) || parts.length < 3 || parts.length > 4) {
      throw new Error(`${LOCK_FILE}: malformed line "${line}"`);
    }
    const [groupId, artifactId, version, classifier] = parts as [string, string, string, string?];
    const fileName = `${artifactId}-${version}${classifier ? `-${classifier}` : ''}.jar`;
    jars.push({ coordinates, artifact: { groupId, artifactId, version, classifier }, sha1, fileName });
  }
  const names = new Set(jars.map((j) => j.fileName));
  if (names.size !== jars.length) throw new Error(`${LOCK_FILE}: two artifacts share a jar file name`);
  return { jars, lockSha1: createHash('sha1').update(text).digest('hex') };
}

async function sha1OfFile(file: string): Promise<string | undefined> {
  const hash = createHash('sha1');
  try {
    await pipeline(createReadStream(file), hash);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return hash.digest('hex');
}

async function downloadJar(jar: LockedJar, baseUrl: string | undefined): Promise<void> {
  const url = await artifactUrl(jar.artifact, baseUrl);
  const target = path.join(LIB_DIR, jar.fileName);
  // Unique temp name + rename keeps concurrent ensureNeo4jJars() calls (e.g. parallel test workers) safe.
  const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  let lastError: unknown;
  for (let attempt = 1; attempt <= DOWNLOAD_ATTEMPTS; attempt++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5 * 60_000) });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status} ${res.statusText}`);
      const hash = createHash('sha1');
      await pipeline(
        Readable.fromWeb(res.body as WebReadableStream<Uint8Array>),
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(tmp),
      );
      const actual = hash.digest('hex');
      if (actual !== jar.sha1) throw new Error(`sha1 mismatch: expected ${jar.sha1}, got ${actual}`);
      await rename(tmp, target);
      return;
    } catch (err) {
      lastError = err;
      await rm(tmp, { force: true });
      // A wrong checksum will not fix itself; network errors and 5xx might.
      if (err instanceof Error && err.message.startsWith('sha1 mismatch')) break;
    }
  }
  // undici reports every network error as "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND...) is the cause.
  const cause =
    lastError instanceof Error && lastError.cause instanceof Error ? `: ${lastError.cause.message}` : '';
  const reason = lastError instanceof Error ? lastError.message + cause : String(lastError);
  throw new Error(`Could not download ${jar.coordinates} from ${url}: ${reason}`);
}

/** Makes <repo>/.neo4j/lib hold exactly the jars of classpath.lock (sha1-verified); returns that directory. */
export async function ensureNeo4jJars(): Promise<string> {
  const { jars, lockSha1 } = await readLock();
  await mkdir(LIB_DIR, { recursive: true });
  const present = new Set(await readdir(LIB_DIR));
  const stamp = await readFile(STAMP_FILE, 'utf8').catch(() => '');
  if (stamp.trim() === lockSha1 && jars.every((j) => present.has(j.fileName))) return LIB_DIR;

  // The classpath is "lib/*", so jars left over from another Neo4j version must go.
  const wanted = new Set(jars.map((j) => j.fileName));
  for (const name of present) {
    if (name.endsWith('.jar') && !wanted.has(name)) await rm(path.join(LIB_DIR, name), { force: true });
  }

  const missing: LockedJar[] = [];
  for (const jar of jars) {
    if (!present.has(jar.fileName)) missing.push(jar);
    else if ((await sha1OfFile(path.join(LIB_DIR, jar.fileName))) !== jar.sha1) missing.push(jar);
  }

  if (missing.length > 0) {
    const baseUrl = mavenRepositoryUrl();
    const started = Date.now();
    process.stderr.write(`neo4j: downloading ${missing.length} of ${jars.length} jars into ${LIB_DIR}\n`);
    const queue = [...missing];
    const failures: Error[] = [];
    const worker = async (): Promise<void> => {
      for (let jar = queue.shift(); jar && failures.length === 0; jar = queue.shift()) {
        await downloadJar(jar, baseUrl).catch((err: Error) => failures.push(err));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
    if (failures.length > 0) throw failures[0];
    process.stderr.write(
      `neo4j: downloaded ${missing.length} jars in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  await writeFile(STAMP_FILE, `${lockSha1}\n`);
  return LIB_DIR;
}

function mavenRepositoryUrl(): string | undefined {
  const url = process.env.MAVEN_REPOSITORY_URL?.trim();
  if (!url) return undefined; // mvn-artifact-url's default: Maven Central
  return url.endsWith('/') ? url : `${url}/`;
}

/** A port free on 127.0.0.1 right now, for a Neo4j or server of a test or benchmark run. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export interface StartOptions {
  /** Neo4j home (store, tx logs, logs/debug.log). Default: <repo>/.neo4j/data */
  dataDir?: string;
  /** Default 7687. Bound on 127.0.0.1 only. */
  boltPort?: number;
  /** JVM max heap, e.g. "1g" (default). */
  heap?: string;
  /** Neo4j page cache (off-heap), e.g. "256m" (default). */
  pageCache?: string;
  /** Default 120 s: the first start on a slow machine compiles Launcher.java and creates the stores. */
  startTimeoutMs?: number;
  /** Receives each stderr line of the JVM (Neo4j warnings/errors). By default they are only kept for error messages. */
  onLog?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  /** The JVM's process id (tests signal it: SIGSTOP freezes Neo4j, SIGKILL kills it). */
  pid: number;
  /** SIGTERM (clean shutdown via the launcher's shutdown hook), SIGKILL after 30 s. Idempotent. */
  stop(): Promise<void>;
}

export async function startLocalNeo4j(opts: StartOptions = {}): Promise<LocalNeo4j> {
  const boltPort = opts.boltPort ?? 7687;
  const dataDir = path.resolve(opts.dataDir ?? path.join(STATE_DIR, 'data'));
  const heap = opts.heap ?? '1g';
  const pageCache = opts.pageCache ?? '256m';
  const timeoutMs = opts.startTimeoutMs ?? 120_000;
  // Neo4j warns when -Xms is unset; a small initial heap keeps RSS low until the data needs more.
  const initialHeap = Math.min(toBytes(heap), 256 * 1024 * 1024);

  const occupant = await probePort(boltPort);
  if (occupant === 'bolt') {
    throw new Error(
      `Port ${boltPort} is already in use by a running Neo4j (it answered the Bolt handshake). ` +
        `Stop it, or use a different boltPort.`,
    );
  }
  if (occupant === 'other') {
    throw new Error(
      `Port ${boltPort} is already in use by another (non-Neo4j) process; choose a different boltPort.`,
    );
  }

  const libDir = await ensureNeo4jJars();
  await mkdir(dataDir, { recursive: true });

  const javaArgs = [
    `-Xmx${heap}`,
    `-Xms${initialHeap}`,
    '-XX:+UseSerialGC',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:-OmitStackTraceInFastThrow',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '-Dfile.encoding=UTF-8',
    '-cp',
    path.join(libDir, '*'),
    LAUNCHER,
    '--data-dir',
    dataDir,
    '--port',
    String(boltPort),
    '--page-cache',
    pageCache,
    '--exit-on-stdin-close',
  ];
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  // stdin stays an open pipe: the launcher exits when it closes, i.e. when this process dies.
  const child = spawn(java, javaArgs, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });

  const stderrTail: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 40) stderrTail.shift();
    opts.onLog?.(line);
  });
  // 'close' (not 'exit') so that the last stderr lines have been read by then.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // SIGTERM lets the launcher's shutdown hook checkpoint the stores; SIGKILL only if that hangs.
  const terminate = async (graceMs: number): Promise<void> => {
    if (child.pid === undefined) return; // never spawned
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killTimer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await closed;
    clearTimeout(killTimer);
  };

  const uri = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void terminate(10_000).then(() => {
        const tail = stderrTail.join('\n');
        reject(
          new Error(`Neo4j failed to start: ${why}${tail ? `\n--- java stderr (tail) ---\n${tail}` : ''}`),
        );
      });
    };
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`java exited before it was ready (${signal ?? `exit code ${code}`})`);
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs / 1000} s`), timeoutMs);
    child.on('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'ENOENT' ? `'${java}' not found; install a JDK 17+ or set JAVA_HOME` : err.message),
    );
    child.once('exit', onEarlyExit);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const ready = /^NEO4J_READY (\S+)/.exec(line)?.[1];
      if (!ready || settled) return;
      settled = true;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      resolve(ready);
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= terminate(30_000));
  return { uri, pid: child.pid as number, stop };
}

/** JVM-style size ("1g", "512m", "1048576k", "2000000") to bytes. */
function toBytes(size: string): number {
  const m = /^(\d+)([kmgt]?)$/i.exec(size.trim());
  if (!m) throw new Error(`invalid memory size "${size}" (expected e.g. 512m or 1g)`);
  return Number(m[1]) * 1024 ** ' kmgt'.indexOf((m[2] || ' ').toLowerCase());
}

/** 'free', 'bolt' (something answered a Bolt handshake: a Neo4j) or 'other'. */
function probePort(port: number): Promise<'free' | 'bolt' | 'other'> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (result: 'free' | 'bolt' | 'other') => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(2_000, () => done('other'));
    socket.once('error', (err: NodeJS.ErrnoException) =>
      done(err.code === 'ECONNREFUSED' ? 'free' : 'other'),
    );
    socket.once('connect', () => {
      // Bolt magic preamble, then four proposed versions (5.0-5.8, 4.4, none, none).
      socket.write(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 8, 8, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0]));
    });
    socket.once('data', (data) => done(data.length >= 4 ? 'bolt' : 'other'));
    socket.once('end', () => done('other'));
  });
}

async function main(command: string | undefined): Promise<void> {
  if (command === 'fetch') {
    console.log(await ensureNeo4jJars());
    return;
  }
  if (command !== 'start') {
    console.error('usage: tsx server/scripts/neo4j.ts start|fetch');
    process.exitCode = 2;
    return;
  }
  const neo = await startLocalNeo4j({ onLog: (line) => process.stderr.write(`${line}\n`) });
  console.log(`Neo4j ready at ${neo.uri} (no auth, data in ${path.join(STATE_DIR, 'data')}); Ctrl-C to stop`);
  await new Promise<void>((resolve) => {
    const onSignal = () => {
      console.log('stopping Neo4j...');
      neo.stop().then(resolve, resolve);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  console.log('Neo4j stopped');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2]).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
