import type { ProofDocument } from './document.js';

/**
 * Makes the file of one proof (a PDF) and says where it is: the seam between the pure staff
 * command and the file system. The app injects one (src/documents/proof-files.ts); the command
 * attaches `ref` to its reply as a document, which a channel that can upload files (Slack) sends.
 * Returns null when the file could not be made (the reply then says so).
 */
export type ProofRenderer = (
  doc: ProofDocument,
) => { readonly ref: string; readonly filename: string; readonly mimeType: string } | null;
