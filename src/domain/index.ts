export * from './schema.js';
export * from './roles.js';
export {
  createPerson,
  findPerson,
  issueInvite,
  newPersonInput,
  setFollows,
  type NewPersonInput,
  type CreatePersonResult,
} from './people.js';
export { addMunicipality, cronProblem, setCampaign, setDigestCron } from './municipalities.js';
export { parseInviteCode, formatInviteCode, newInviteCode, checkInvite } from './invites.js';
export { createDomainActions, type DomainSettings } from './actions/index.js';
export type { HoursSettings } from './settings.js';
export * from './ledger/index.js';
export { localDate, shiftDate } from './dates.js';
export { profileOf } from './profile.js';
export { seedDemo, type DemoResult } from './demo.js';
export { createStaffCommands, type StaffCommandSettings } from './commands/index.js';
export * from './activities/index.js';
