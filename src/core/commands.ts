import type { ActionContext } from './actions.js';
import type { Effect, Template } from './effects.js';
import type { Schema } from './store.js';

/** What a command answers: replies to the person who typed it, and effects for others. */
export interface CommandResult {
  readonly replies: readonly Template[];
  readonly effects?: readonly Extract<Effect, { type: 'notify' | 'start' }>[];
  /** The first reply is the status message of this broadcast (updated in place later). */
  readonly statusOf?: string;
}

/**
 * A staff command such as Slack's `/netwerkbot hours Amina`: answered at once, inside the turn's
 * transaction, and the conversation's flow stays where it was (a coach who is answering a
 * confirmation request can look something up and then press the button). `args` is everything
 * after the command. Permission checks are the command's own: it returns a refusal as a reply.
 */
export type SideCommand<S extends Schema> = (ctx: ActionContext<S>, args: string) => CommandResult;
