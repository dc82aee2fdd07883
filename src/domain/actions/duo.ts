import type { DomainAction } from '../../core/actions.js';
import type { Effect } from '../../core/effects.js';
import type { ReadTx } from '../../core/store.js';
import { allowed } from '../access/policy.js';
import { liveDuosOf, pauseDuo, resumeDuo } from '../ledger/index.js';
import type { Duo } from '../ledger/types.js';
import type { DataSchema } from '../schema.js';
import { me, type Ctx } from './hours-context.js';
import { personName } from '../people.js';

type Actions = Record<string, DomainAction<DataSchema>>;
type Notify = Extract<Effect, { type: 'notify' }>;

/** The settings the duo actions need: the zone in which paused days are counted. */
export interface DuoActionSettings {
  readonly timeZone: string;
}

/** The live duos of the newcomer who is talking (none for anyone else). */
const myDuos = (ctx: Ctx): { newcomer: string; duos: Duo[] } | null => {
  const p = me(ctx);
  if (p?.role !== 'newcomer') return null;
  const duos = liveDuosOf(ctx.tx, p.id).filter((d) => allowed(ctx.tx, p, 'duo.pause', { duoId: d.id }));
  return { newcomer: p.name, duos };
};

/** Buddy names of these duos, as one text ("Sara" or "Sara, Jan"). */
const buddies = (tx: ReadTx<DataSchema>, duos: readonly Duo[]): string =>
  duos.map((d) => personName(tx, d.buddyId) ?? '').join(', ');

/** The coach of a duo (the duo's own, else the newcomer's) is told, in their language. */
const tellCoach = (tx: ReadTx<DataSchema>, duos: readonly Duo[], key: string, newcomer: string): Notify[] => {
  const coaches = new Map<string, Duo[]>();
  for (const d of duos) {
    const coach = d.coachId ?? tx.get('people', d.newcomerId)?.coachId;
    if (coach) coaches.set(coach, [...(coaches.get(coach) ?? []), d]);
  }
  return [...coaches].map(([personId, ds]) => ({
    type: 'notify',
    personId,
    template: { key, params: { newcomer, buddy: buddies(tx, ds) } },
  }));
};

/**
 * "Pauze" and "verder" from the newcomer's menu: the newcomer may pause their duo when it becomes
 * too heavy (holidays, illness, work), and resume it; the coach is told either way. Only a
 * newcomer's own live duos are touched; expected situations are outcomes, never exceptions.
 */
export const duoActions = (s: DuoActionSettings): Actions => {
  const change =
    (want: 'pause' | 'resume'): DomainAction<DataSchema> =>
    (ctx) => {
      const mine = myDuos(ctx);
      if (!mine?.duos.length) return { outcome: 'none' };
      const from = want === 'pause' ? 'active' : 'paused';
      const todo = mine.duos.filter((d) => d.status === from);
      if (!todo.length) return { outcome: 'already' };
      const o = { now: ctx.now, timeZone: s.timeZone };
      const done = todo.flatMap((d) => {
        const r = want === 'pause' ? pauseDuo(ctx.tx, d.id, o) : resumeDuo(ctx.tx, d.id, o);
        return r.ok ? [r.duo] : [];
      });
      if (!done.length) return { outcome: 'already' };
      const key = want === 'pause' ? 'menu:duo_paused_coach' : 'menu:duo_resumed_coach';
      return {
        outcome: 'ok',
        data: { duo_buddy: buddies(ctx.tx, done) },
        effects: tellCoach(ctx.tx, done, key, mine.newcomer),
      };
    };

  return {
    /**
     * Where the newcomer's duos stand, for the menu's one "pauze / verder" option:
     * active (at least one duo runs) | paused (all live duos paused) | none. Data: `duo_buddy`.
     */
    duo_state: (ctx) => {
      const mine = myDuos(ctx);
      if (!mine?.duos.length) return { outcome: 'none' };
      const active = mine.duos.filter((d) => d.status === 'active');
      const shown = active.length ? active : mine.duos;
      return {
        outcome: active.length ? 'active' : 'paused',
        data: { duo_buddy: buddies(ctx.tx, shown) },
      };
    },
    /** Pauses the newcomer's active duos; the coach is told. ok | already | none. */
    duo_pause: change('pause'),
    /** Resumes the newcomer's paused duos; the coach is told. ok | already | none. */
    duo_resume: change('resume'),
  };
};
