export { createDispatcher, type Dispatcher, type DispatcherOptions } from './dispatcher.js';
export type { BroadcastProgress } from './progress.js';
export { DEFAULT_QUIET_HOURS, parseQuietHours, quietUntil, type QuietHours } from './quiet-hours.js';
export {
  parseRate,
  PLATFORM_POLICIES,
  TokenBucket,
  type ChannelPolicy,
  type RateLimit,
} from './rate-limit.js';
export type { OnSettled } from './settle.js';
export { outboxSettings, type OutboxSettings } from './settings.js';
export {
  deadLetters,
  outboxCounts,
  retryDeadLetters,
  type DeadLetter,
  type OutboxCount,
} from './dead-letters.js';
