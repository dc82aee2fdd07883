/** The export formats and the CSV writer live in src/documents (the dashboard writes them too). */
export { isExportFormat, writeRows, type ExportFormat } from '../documents/csv.js';
