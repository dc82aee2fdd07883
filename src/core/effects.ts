import type { MediaRef } from './messages.js';
import type { Json } from './store.js';

/** A choice in a message, by i18n key; `lng` forces a language (a language list in own names). */
export interface TemplateChoice {
  readonly value: string;
  /** i18n key of the label... */
  readonly label?: string;
  /** ...or a literal label (a person's name, an organisation). */
  readonly text?: string;
  readonly lng?: string;
}

/**
 * A message before rendering: an i18n key and its parameters. The runtime renders it in the
 * recipient's language (or, for someone not known yet, in several).
 */
export interface Template {
  readonly key: string;
  readonly params?: Readonly<Record<string, Json>>;
  readonly choices?: readonly TemplateChoice[];
  /** A file sent with the text (a proof's PDF); channels that cannot send it show the text only. */
  readonly media?: MediaRef;
}

/** What a step asks the runtime to do. The step itself never sends, saves or schedules. */
export type Effect =
  | { readonly type: 'send'; readonly to: 'self' | 'coach'; readonly template: Template }
  /** A message to another person (a buddy, a contact person, a coach), in their language. */
  | { readonly type: 'notify'; readonly personId: string; readonly template: Template }
  /**
   * Starts a flow in another person's conversation (e.g. a confirmation request); that person
   * comes back to what they were doing when it ends.
   */
  | {
      readonly type: 'start';
      readonly personId: string;
      readonly flow: string;
      readonly vars?: Readonly<Record<string, Json>>;
    }
  | {
      /** Run a named domain action; its outcome comes back as a `result` input to the step. */
      readonly type: 'call';
      readonly action: string;
      readonly args: Readonly<Record<string, Json>>;
    };

/** The outcome of a domain action, fed back to the flow. `outcome` routes; `data` is stored. */
export interface ActionResult {
  readonly outcome: string;
  readonly data?: Json;
  /** Messages and flows for other people that this outcome causes (run by the runtime). */
  readonly effects?: readonly Extract<Effect, { type: 'notify' | 'start' }>[];
}
