export {
  proofDocuments,
  type ProofConfirmation,
  type ProofDocument,
  type ProofLine,
  type ProofSet,
} from './document.js';
export { exportProofs, type ProofExport, type ProofRefusal } from './export.js';
export type { ProofRenderer } from './renderer.js';
