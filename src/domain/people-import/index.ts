export {
  importPeople,
  whatsAppAddress,
  type ImportedPerson,
  type PeopleImportOptions,
  type PeopleImportResult,
} from './apply.js';
export { fieldOf, readPeopleCsv, type PersonField, type RawRow } from './read.js';
export {
  PROBLEM_CODES,
  validateRows,
  type ExistingRow,
  type ProblemCode,
  type RowProblem,
  type ValidRow,
} from './validate.js';
export { parseLanguage, parsePhone, parseRole, parseSheetDate, whatsAppId } from './values.js';
