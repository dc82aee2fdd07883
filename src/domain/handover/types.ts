/**
 * A human handover: a person talks with their coach through the bot. While it is open the bot's
 * flows stay quiet for that person; the coach closes it.
 */
export interface Handover {
  readonly v: 1;
  readonly id: string;
  readonly personId: string;
  readonly coachId: string | null;
  readonly status: 'open' | 'closed';
  readonly openedAt: string;
  readonly closedAt?: string | null;
  /** Why: asked ("hulp"/"coach"), stuck (three misses), or a buddy passing on a question. */
  readonly reason: 'asked' | 'stuck' | 'buddy_question';
  /** For a buddy's question: the newcomer it is about (their duo's newcomer), so the coach sees whom. */
  readonly aboutId?: string | null;
  /**
   * The coach's side: the platform thread (e.g. Slack channel and thread ts) the person's
   * messages are posted in and the coach's replies come from. Null on the console.
   */
  readonly thread?: { readonly channel: string; readonly chat: string; readonly thread: string } | null;
}
