import { numberedText } from '../../core/format.js';
import type { Outbound } from '../../core/messages.js';

/** What a user of the memory channel reads: the text with numbered choices, as on WhatsApp. */
export const readable = (m: Outbound): string => numberedText(m);
