/**
 * First contact with a newly imported newcomer (the Mol practice): a first message in their
 * contact language saying who writes and why; no answer within OUTREACH_WAIT_DAYS, a second one
 * saying the coach will call; then a task for the coach. Id: the person id.
 */
export interface Outreach {
  readonly v: 1;
  readonly id: string;
  readonly personId: string;
  readonly firstAt: string | null;
  readonly secondAt: string | null;
  /** When the person first answered (anything they sent), which stops the follow-ups. */
  readonly answeredAt: string | null;
  /** The coach task "call X" made when there was no answer. */
  readonly taskId: string | null;
}
