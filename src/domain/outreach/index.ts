export type { Outreach } from './types.js';
export { hasAnswered, outreachAnswered, outreachJobId, startOutreach } from './start.js';
export { outreachJobs, type OutreachJobDeps } from './jobs.js';
