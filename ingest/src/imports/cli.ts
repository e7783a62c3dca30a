/**
 * `pnpm run import <kind> <file> [--dry-run] [--partial] [--name <stream>] [--by <who>] [--cluster <c>]`,
 * `pnpm run import undo <importId>`, `pnpm run import list`. Writes to NEO4J_URI, or the local
 * Neo4j that `pnpm start` (or `pnpm neo4j start`) runs.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { connectFromEnv } from '../connect.ts';
import { formatReport } from './report.ts';
import { IMPORTERS, type ImportReport, isImporterKind, listImports, runImport, undoImport } from './run.ts';

const USAGE = `Usage:
  pnpm run import <kind> <file> [--dry-run] [--partial] [--name <stream>] [--by <who>] [--cluster <cluster>]
  pnpm run import undo <importId>
  pnpm run import list
Kinds:
${Object.entries(IMPORTERS)
  .map(([kind, importer]) => `  ${kind.padEnd(14)} ${importer.describe}`)
  .join('\n')}`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    partial: { type: 'boolean', default: false },
    name: { type: 'string' },
    cluster: { type: 'string' },
    by: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function bar(label: string, unit: string): SingleBar {
  return new SingleBar({
    format: `${label.padEnd(8)} |{bar}| {percentage}% | {value}/{total} ${unit} | {rows} rows | {rate}/s | {duration_formatted} elapsed, {eta_formatted} left`,
    stream: process.stderr,
    hideCursor: true,
    etaBuffer: 50,
    fps: 5,
  });
}

const [command, given] = positionals;
// pnpm runs the script in ingest/: a relative path is the caller's, whose folder pnpm passes as INIT_CWD.
const path = given && command !== 'undo' ? resolve(process.env.INIT_CWD ?? process.cwd(), given) : given;
if (values.help || !command) {
  console.log(USAGE);
  process.exit(command ? 0 : 1);
}

const { uri, database, driver } = connectFromEnv();
try {
  await driver.verifyConnectivity().catch((error: Error) => {
    throw new Error(
      `Cannot reach Neo4j at ${uri} (${error.message}). Start it with \`pnpm neo4j start\` or \`pnpm start\`, or set NEO4J_URI.`,
    );
  });
  let report: ImportReport;
  if (command === 'list') {
    for (const record of await listImports(driver, database)) console.log(JSON.stringify(record));
    process.exit(0);
  } else if (command === 'undo') {
    if (!path) throw new Error(`undo needs an import id.\n${USAGE}`);
    const writing = bar('undoing', 'writes');
    let startedBar = false;
    report = await undoImport(driver, path, {
      database,
      onWriteProgress: (written, total) => {
        if (!startedBar) writing.start(total, 0, { rows: 0, rate: 0 });
        startedBar = true;
        writing.update(written, { rows: written, rate: 0 });
      },
    });
    if (startedBar) writing.stop();
  } else if (isImporterKind(command)) {
    if (!path) throw new Error(`${command} needs a file.\n${USAGE}`);
    const reading = bar('reading', 'bytes');
    const writing = bar('writing', 'writes');
    const started = performance.now();
    let readStarted = false;
    let writeStarted = false;
    let writeBegan = 0;
    report = await runImport(driver, {
      kind: command,
      path,
      dryRun: values['dry-run'],
      partial: values.partial,
      ...(values.name ? { stream: values.name } : {}),
      ...(values.by ? { importedBy: values.by } : {}),
      ...(values.cluster ? { cluster: values.cluster } : {}),
      database,
      onReadProgress: ({ bytesRead, totalBytes, rows }) => {
        if (!readStarted) reading.start(totalBytes, 0, { rows: 0, rate: 0 });
        readStarted = true;
        const seconds = (performance.now() - started) / 1000;
        reading.setTotal(totalBytes);
        reading.update(bytesRead, { rows, rate: Math.round(rows / Math.max(seconds, 0.001)) });
      },
      onWriteProgress: (written, total) => {
        if (!writeStarted) {
          if (readStarted) reading.stop();
          writing.start(total, 0, { rows: 0, rate: 0 });
          writeBegan = performance.now();
        }
        writeStarted = true;
        const seconds = (performance.now() - writeBegan) / 1000;
        writing.update(written, { rows: written, rate: Math.round(written / Math.max(seconds, 0.001)) });
      },
    });
    if (writeStarted) writing.stop();
    else if (readStarted) reading.stop();
  } else {
    throw new Error(`Unknown command "${command}".\n${USAGE}`);
  }
  console.log(formatReport(report));
  if (report.outcome === 'refused') process.exitCode = 1;
} catch (error) {
  console.error(`Error: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await driver.close();
}
