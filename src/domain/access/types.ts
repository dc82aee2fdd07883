/**
 * Wrong invite codes per sender, to stop guessing (INVITE_MAX_FAILURES an hour). Id: a hash of the
 * sender's address (nothing readable is kept about someone the bot does not know).
 */
export interface InviteAttempts {
  readonly v: 1;
  readonly id: string;
  /** ISO instants of the recent wrong codes (older than an hour are dropped). */
  readonly failures: readonly string[];
}
