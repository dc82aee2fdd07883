export {
  dashboardOverview,
  gemeenteOptions,
  type DashboardOverview,
  type DueTask,
  type GemeenteOption,
  type NewcomerProgress,
} from './overview.js';
export { activityCatalogue, type CatalogueRow } from './catalogue.js';
export { broadcastHistory, type BroadcastRow } from './broadcasts.js';
export { newcomerDetail, type EntryRow, type NewcomerDetail, type ProofLink } from './newcomer.js';
