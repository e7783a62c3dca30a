/**
 * Writes templates/member-list.xlsx from templates/member-list.csv (the same columns and example
 * rows, the header bold and frozen): `pnpm --filter @clustergraph/ingest member-list-template`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

const csv = fileURLToPath(new URL('../templates/member-list.csv', import.meta.url));
const xlsx = fileURLToPath(new URL('../templates/member-list.xlsx', import.meta.url));
const rows = parse(readFileSync(csv, 'utf8'), { bom: true }) as string[][];
const workbook = new ExcelJS.Workbook();
workbook.created = new Date(Date.UTC(2026, 0, 1));
workbook.modified = workbook.created;
const sheet = workbook.addWorksheet('Members', { views: [{ state: 'frozen', ySplit: 1 }] });
for (const row of rows) sheet.addRow(row);
sheet.getRow(1).font = { bold: true };
sheet.columns.forEach((column) => {
  column.width = 22;
});
await workbook.xlsx.writeFile(xlsx);
console.log(`wrote ${xlsx}`);
