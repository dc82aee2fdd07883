export * from './types.js';
export { type Actor } from './access.js';
export { checkEntry, type CheckOptions, type EntryCheck, type EntryDraft } from './plausibility.js';
export {
  recordEntry,
  confirmEntry,
  disputeEntry,
  withdrawEntry,
  correctEntry,
  type NewEntry,
  type Correctable,
  type CorrectOptions,
  type EntryChange,
} from './entries.js';
export { progressOf, progressBar, milestonesCrossed, type Progress } from './progress.js';
export { groupForProof, type ProofGroup, type Confirmation } from './proof.js';
export {
  entriesOf,
  openConfirmationsFor,
  duosOfBuddy,
  lastEntryBy,
  trajectoryOf,
  knownActivitiesOf,
} from './queries.js';
export {
  addDuo,
  setFirstMeeting,
  pauseDuo,
  resumeDuo,
  endDuo,
  listDuos,
  liveDuosOf,
  rhythmOf,
  plannedMonthsOf,
  pausedDaysOf,
  isLive,
  type AddDuoResult,
  type DuoProblem,
  type DuoResult,
  type DuoChangeOptions,
  type NewDuo,
} from './duos.js';
export {
  setTrajectory,
  trajectoryStatusOf,
  type SetTrajectoryResult,
  type SetupProblem,
  type TrajectoryInput,
} from './trajectories.js';
