import { numberedText } from '../../core/format.js';
import type { Outbound } from '../../core/messages.js';

/** `-> <user>: <text>`; further lines are indented so a transcript stays one reply per arrow. */
export const formatReply = (user: string, m: Outbound): string =>
  `-> ${user}: ${numberedText(m).split('\n').join('\n   ')}`;
