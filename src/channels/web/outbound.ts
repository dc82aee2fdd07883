import type { Outbound } from '../../core/messages.js';

/** Who wrote a line in a pane: the person typing in the browser, or the bot. */
export type WebAuthor = 'person' | 'bot';

/** One button of a bot message in the simulator: the number people may type, the label, the value sent. */
export interface WebChoice {
  readonly n: number;
  readonly label: string;
  readonly value: string;
}

/** One message of a pane, as the browser shows it (plain JSON, sent over Server-Sent Events). */
export interface WebMessage {
  /** The platform id: `w<seq>`; an edit in place keeps it. */
  readonly id: string;
  /** The pane's person (lower-case name, the chat of the web address). */
  readonly user: string;
  readonly from: WebAuthor;
  readonly text: string;
  readonly choices: readonly WebChoice[];
  readonly direction: 'ltr' | 'rtl';
  /** ISO time on the app's clock. */
  readonly at: string;
  /** True once a later message of the bot replaced it (shown updated). */
  readonly edited?: boolean;
}

/**
 * The bot's Outbound as a pane shows it: the text as is (the browser lays out right-to-left text
 * itself with `dir`), the choices as numbered buttons whose value comes back as a choice.
 */
export const toWebMessage = (user: string, m: Outbound, id: string, at: Date): WebMessage => ({
  id,
  user,
  from: 'bot',
  text: m.text,
  choices: (m.choices ?? []).map((c, i) => ({ n: i + 1, label: c.label, value: c.value })),
  direction: m.direction ?? 'ltr',
  at: at.toISOString(),
});
