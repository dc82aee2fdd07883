import type { SideCommand } from '../../core/commands.js';
import type { Template } from '../../core/effects.js';
import type { DataSchema } from '../schema.js';
import { splitArgs } from './args.js';
import { activityAddCommand } from './activity.js';
import { broadcastCommand } from './broadcast.js';
import { dueCommand } from './due.js';
import { duoCommand } from './duo.js';
import { followCommand } from './follow.js';
import { hoursCommand } from './hours.js';
import { personAddCommand } from './person-add.js';
import { isStaff } from './scope.js';
import { logCommand } from './log.js';
import { forgetStaffCommand } from './forget.js';
import { handoverCommand } from './handover.js';
import { proofCommand } from './proof.js';
import type { ProofRenderer } from '../proof/index.js';
import { taskCommand } from './task.js';

export interface StaffCommandSettings {
  readonly timeZone: string;
  readonly inviteTtlDays: number;
  readonly languages: readonly string[];
  /** For `due`: INACTIVITY_NUDGE_DAYS and TERM_END_WARNING_DAYS (default 14 and 60). */
  readonly digest?: { readonly nudgeDays: number; readonly termEndWarningDays: number };
  /** For `proof`: makes each proof's PDF (the app's; none in tests that do not ask). */
  readonly proofRenderer?: ProofRenderer;
}

/** What the words after the command mean; later capabilities add their subcommands here. */
const SUBCOMMANDS: Readonly<
  Record<
    string,
    | 'help'
    | 'hours'
    | 'person'
    | 'broadcast'
    | 'activity'
    | 'duo'
    | 'due'
    | 'task'
    | 'log'
    | 'proof'
    | 'handover'
    | 'forget'
  >
> = {
  broadcast: 'broadcast',
  verstuur: 'broadcast',
  duo: 'duo',
  activity: 'activity',
  activiteit: 'activity',
  help: 'help',
  hulp: 'help',
  '?': 'help',
  hours: 'hours',
  uren: 'hours',
  person: 'person',
  persoon: 'person',
  due: 'due',
  vandaag: 'due',
  task: 'task',
  taak: 'task',
  log: 'log',
  logboek: 'log',
  proof: 'proof',
  bewijs: 'proof',
  handover: 'handover',
  overdracht: 'handover',
  forget: 'forget',
  vergeet: 'forget',
};
/** INACTIVITY_NUDGE_DAYS and TERM_END_WARNING_DAYS when the app gives none. */
const DIGEST_DEFAULTS = { nudgeDays: 14, termEndWarningDays: 60 };
const ADD_WORDS = new Set(['add', 'toevoegen', 'nieuw', 'new']);
const FOLLOW_WORDS = new Set(['follow', 'volgt']);
const UNFOLLOW_WORDS = new Set(['unfollow', 'ontvolgt']);

/**
 * The staff command (`/netwerkbot` in Slack, typed the same way anywhere): `help`,
 * `hours <name>`, `person add <role> <name>`. Only coaches and admins, within their gemeenten.
 */
export const createStaffCommands = (s: StaffCommandSettings): Record<string, SideCommand<DataSchema>> => ({
  netwerkbot: (ctx, args) => {
    const staff = ctx.personId ? ctx.tx.get('people', ctx.personId) : undefined;
    const reply = (replies: Template[]) => ({ replies });
    if (!ctx.personId) return reply([{ key: 'staff:not_linked' }]);
    if (!isStaff(staff)) return reply([{ key: 'staff:not_allowed' }]);
    const { words } = splitArgs(args);
    const first = (words[0] ?? 'help').toLocaleLowerCase();
    const rest = args.trim().slice(args.trim().indexOf(words[0] ?? '') + (words[0]?.length ?? 0));
    // What every subcommand may need (each takes the fields it uses).
    const base = { now: ctx.now, ids: ctx.ids, timeZone: s.timeZone, via: ctx.address.channel };
    switch (SUBCOMMANDS[first]) {
      case 'help':
        return reply([{ key: 'staff:help' }]);
      case 'hours':
        return reply(hoursCommand(ctx.tx, staff, rest, base));
      case 'person': {
        const second = (words[1] ?? '').toLocaleLowerCase();
        if (FOLLOW_WORDS.has(second) || UNFOLLOW_WORDS.has(second))
          return reply(followCommand(ctx.tx, staff, words.slice(2), FOLLOW_WORDS.has(second)));
        if (!ADD_WORDS.has(second)) return reply([{ key: 'staff:add_usage' }]);
        const after = rest.trim().slice(second.length);
        return reply(
          personAddCommand(ctx.tx, staff, after, {
            ...base,
            inviteTtlDays: s.inviteTtlDays,
            languages: s.languages,
          }),
        );
      }
      case 'activity': {
        const second = (words[1] ?? '').toLocaleLowerCase();
        if (!ADD_WORDS.has(second)) return reply([{ key: 'staff:help' }]);
        return reply(
          activityAddCommand(ctx.tx, staff, rest.trim().slice(second.length), {
            ...base,
            languages: s.languages,
          }),
        );
      }
      case 'duo':
        return reply(duoCommand(ctx.tx, staff, rest, base));
      case 'broadcast':
        return broadcastCommand(ctx.tx, staff, rest, base);
      case 'due':
        return reply(dueCommand(ctx.tx, staff, { ...base, ...(s.digest ?? DIGEST_DEFAULTS) }));
      case 'task':
        return taskCommand(ctx.tx, staff, rest, base);
      case 'log':
        return reply(logCommand(ctx.tx, staff, rest, base));
      case 'forget':
        return forgetStaffCommand(ctx.tx, staff, rest, base);
      case 'proof':
        return reply(
          proofCommand(ctx.tx, staff, rest, {
            ...base,
            ...(s.proofRenderer ? { render: s.proofRenderer } : {}),
          }),
        );
      case 'handover':
        return handoverCommand(ctx.tx, staff, rest, base);
      default:
        return reply([{ key: 'staff:unknown', params: { word: first.slice(0, 40) } }, { key: 'staff:help' }]);
    }
  },
});
