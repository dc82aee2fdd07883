export * from './schema.js';
export * from './roles.js';
export {
  createPerson,
  findPerson,
  issueInvite,
  newPersonInput,
  type NewPersonInput,
  type CreatePersonResult,
} from './people.js';
export { addMunicipality } from './municipalities.js';
export { parseInviteCode, formatInviteCode, newInviteCode, checkInvite } from './invites.js';
export { createDomainActions } from './actions/index.js';
export { profileOf } from './profile.js';
export { seedDemo, type DemoResult } from './demo.js';
