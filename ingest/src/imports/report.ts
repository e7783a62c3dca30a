import type { Counts } from './plan.ts';
import type { ImportReport } from './run.ts';

/** Problems shown by a dry run; a refusal lists every one. */
export const DRY_RUN_PROBLEMS_SHOWN = 20;

function counts(what: string, c: Counts): string {
  return `${what}: ${c.created} created, ${c.updated} updated, ${c.matched} matched (stated by another source, left as it is), ${c.unchanged} unchanged, ${c.removed} removed`;
}

const HEADLINES: Record<ImportReport['outcome'], (report: ImportReport) => string> = {
  'dry-run': () => 'Dry run: nothing was written. The import would do this:',
  refused: (report) =>
    `Refused: ${report.rowsRefused} of ${report.rowsRead} rows have problems, so nothing was written (--partial writes the good rows only).`,
  written: (report) =>
    report.partial
      ? `Imported as ${report.importId}, PARTIALLY: ${report.rowsRefused} refused rows were left out.`
      : `Imported as ${report.importId}.`,
  unchanged: () => 'Nothing changed: the graph already holds what this file states. Nothing was written.',
  undone: (report) => `Undid ${report.importId}.`,
};

/** The report a person reads after an import: what changed, what was refused and where, what to confirm. */
export function formatReport(report: ImportReport): string {
  const lines = [
    HEADLINES[report.outcome](report),
    `  stream ${report.stream}, ${report.files.join(', ')} (sha256 ${report.checksum.slice(0, 16)}…)`,
    `  rows: ${report.rowsRead} read, ${report.rowsRefused} refused`,
    `  ${counts('nodes', report.nodes)}`,
    `  ${counts('relationships', report.relationships)}`,
    `  time: read ${Math.round(report.timings.readMs)} ms, plan ${Math.round(report.timings.planMs)} ms, write ${Math.round(report.timings.writeMs)} ms`,
  ];
  if (report.problems.length > 0) {
    const shown =
      report.outcome === 'dry-run' ? report.problems.slice(0, DRY_RUN_PROBLEMS_SHOWN) : report.problems;
    lines.push(
      `Problems (${report.problems.length}${shown.length < report.problems.length ? `, first ${shown.length}` : ''}):`,
    );
    for (const problem of shown) {
      const where = [problem.file, problem.line, problem.column]
        .filter((part) => part !== undefined)
        .join(':');
      lines.push(`  ${where}${problem.field ? ` ${problem.field}` : ''}: ${problem.message}`);
    }
  }
  if (report.conflicts.length > 0) {
    lines.push(
      `Conflicts with curated data (${report.conflicts.length}; the curated value stays, this file's is kept as its claim):`,
    );
    for (const conflict of report.conflicts.slice(0, 50)) {
      lines.push(
        `  ${conflict.id} ${conflict.property}: curated ${JSON.stringify(conflict.curated)}, file ${JSON.stringify(conflict.stated)}`,
      );
    }
  }
  if (report.uncertain.length > 0) {
    lines.push(`Possible duplicates to confirm (${report.uncertain.length}; not merged):`);
    for (const match of report.uncertain) {
      lines.push(
        `  "${match.statedName}" (${match.stated}) ~ "${match.existingName}" (${match.existing}), ${match.country}: ${match.why}`,
      );
    }
  }
  return lines.join('\n');
}
