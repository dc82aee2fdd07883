import type { ReadTx, Store } from '../core/store.js';
import {
  addDuo,
  endDuo,
  listDuos,
  liveDuosOf,
  OFFER_TYPES,
  pauseDuo,
  pausedDaysOf,
  plannedMonthsOf,
  resumeDuo,
  rhythmOf,
  setFirstMeeting,
  setTrajectory,
  trajectoryOf,
  trajectoryStatusOf,
  type DataSchema,
  type Duo,
  type DuoProblem,
  type SetupProblem,
} from '../domain/index.js';
import { localDate } from '../domain/dates.js';
import { authorize } from '../domain/access/policy.js';
import { createSystemIds, systemClock } from '../system.js';
import { duoLogCommand } from './coach.js';
import { Refused, refusable, type CliContext } from './context.js';

/** Options `duo ...` and `trajectory ...` take (declared so `--newcomer "Amina Khaled"` parses). */
export const DUO_OPTIONS: readonly string[] = [
  'newcomer',
  'buddy',
  'rhythm',
  'months',
  'first-meeting',
  'duo',
  'reason',
  'start',
  'end',
  'obligation',
  'status',
  'offers',
];

type Opts = Record<string, string | undefined>;

/** The option a domain field comes from. */
const FLAG_OF: Readonly<Record<string, string>> = {
  newcomerId: '--newcomer',
  buddyId: '--buddy',
  coachId: '--coach',
  firstMeetingAt: '--first-meeting',
  start: '--start',
  end: '--end',
  date: '--date',
};

/** Prints a domain refusal in the coach's language. */
const problemLine = (ctx: CliContext, p: SetupProblem | DuoProblem, duoId = ''): string => {
  const params: Record<string, string | number> = { id: duoId, offers: OFFER_TYPES.join(', ') };
  for (const [k, v] of Object.entries(p)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  if (typeof params['field'] === 'string') params['field'] = FLAG_OF[params['field']] ?? params['field'];
  if ('duo' in p) Object.assign(params, { id: p.duo.id, status: p.duo.status });
  return ctx.t(`duo.problem.${p.reason}`, params);
};

/** A person by id or by exact name (any case); like the domain's findPerson, but read-only. */
const findPerson = (tx: ReadTx<DataSchema>, idOrName: string) =>
  tx.get('people', idOrName) ??
  tx.list('people', (p) => p.name.toLocaleLowerCase() === idOrName.trim().toLocaleLowerCase())[0];

/** A number option, or null when given but not a whole number. */
const numberOpt = (v: string | undefined): number | undefined | null =>
  v === undefined ? undefined : /^\d+$/.test(v.trim()) ? Number(v) : null;

const run = refusable;

const names = (store: Store<DataSchema>, d: Duo) =>
  store.read((tx) => ({
    id: d.id,
    newcomer: tx.get('people', d.newcomerId)?.name ?? d.newcomerId,
    buddy: tx.get('people', d.buddyId)?.name ?? d.buddyId,
  }));

/** The duo named by --duo, or the one live duo of --newcomer. */
const pickDuo = async (store: Store<DataSchema>, o: Opts): Promise<string> =>
  store.read((tx) => {
    if (o['duo']) return o['duo'];
    const wanted = o['newcomer'] ?? '';
    const newcomer = findPerson(tx, wanted);
    if (!newcomer) throw new Refused('person_unknown', { person: wanted });
    const live = liveDuosOf(tx, newcomer.id);
    if (!live.length) throw new Refused('duo.none_live', { newcomer: newcomer.name });
    if (live.length > 1)
      throw new Refused('duo.several', { newcomer: newcomer.name, ids: live.map((d) => d.id).join(', ') });
    return live[0]!.id;
  });

const personId = (store: Store<DataSchema>, wanted: string) =>
  store.read((tx) => {
    const p = findPerson(tx, wanted);
    if (!p) throw new Refused('person_unknown', { person: wanted });
    return p.id;
  });

/**
 * The coach named by --coach must be a coach (or admin) who may follow up this newcomer (the
 * access policy's trajectory.manage: their own gemeente), as in the chat.
 */
const coachFor = (store: Store<DataSchema>, coachId: string | undefined, newcomerId: string) =>
  store.read((tx) => {
    if (coachId === undefined) return;
    const coach = tx.get('people', coachId);
    const staff = coach?.role === 'coach' || coach?.role === 'admin';
    if (!staff || !authorize(tx, coach, 'trajectory.manage', { personId: newcomerId }).ok)
      throw new Refused('common:access.cli.coach_refused', {
        coach: coach?.name ?? coachId,
        person: tx.get('people', newcomerId)?.name ?? newcomerId,
      });
  });

const duoAdd = (ctx: CliContext, o: Opts) =>
  run(ctx, async (store) => {
    const rhythm = numberOpt(o['rhythm']);
    const months = numberOpt(o['months']);
    if (rhythm === null) throw new Refused('duo.problem.invalid_rhythm');
    if (months === null) throw new Refused('duo.problem.invalid_months');
    const newcomerId = await personId(store, o['newcomer'] ?? '');
    const buddyId = await personId(store, o['buddy'] ?? '');
    const coachId = o['coach'] ? await personId(store, o['coach']) : undefined;
    await coachFor(store, coachId, newcomerId);
    const r = await store.transact((tx) =>
      addDuo(
        tx,
        {
          newcomerId,
          buddyId,
          ...(coachId ? { coachId } : {}),
          ...(rhythm !== undefined ? { rhythmPerMonth: rhythm } : {}),
          ...(months !== undefined ? { plannedMonths: months } : {}),
          ...(o['first-meeting'] ? { firstMeetingAt: o['first-meeting'] } : {}),
        },
        { now: systemClock.now(), ids: createSystemIds() },
      ),
    );
    if (!r.ok) throw new Refused('duo.refused', { problem: problemLine(ctx, r) });
    ctx.out(
      ctx.t('duo.added', {
        ...(await names(store, r.duo)),
        rhythm: rhythmOf(r.duo),
        months: plannedMonthsOf(r.duo),
      }),
    );
  });

const duoChange = (ctx: CliContext, sub: 'pause' | 'resume' | 'end' | 'first-meeting', o: Opts) =>
  run(ctx, async (store) => {
    const id = await pickDuo(store, o);
    const base = { now: systemClock.now(), timeZone: ctx.config.TIMEZONE };
    const r = await store.transact((tx) =>
      sub === 'pause'
        ? pauseDuo(tx, id, base)
        : sub === 'resume'
          ? resumeDuo(tx, id, base)
          : sub === 'end'
            ? endDuo(tx, id, { ...base, ...(o['reason'] ? { reason: o['reason'] } : {}) })
            : setFirstMeeting(tx, id, o['date'] ?? ''),
    );
    if (!r.ok) throw new Refused('duo.refused', { problem: problemLine(ctx, r, id) });
    const key = { pause: 'paused', resume: 'resumed', end: 'ended', 'first-meeting': 'first_meeting' }[sub];
    ctx.out(
      ctx.t(`duo.${key}`, {
        ...(await names(store, r.duo)),
        days: pausedDaysOf(r.duo),
        date: r.duo.firstMeetingAt ?? '',
      }),
    );
  });

const duoList = (ctx: CliContext, o: Opts) =>
  run(ctx, async (store) => {
    const wanted = o['gemeente'] ?? o['municipality'];
    const lines = await store.read((tx) => {
      const g = wanted?.toLocaleLowerCase();
      const m = g
        ? tx.list('municipalities', (x) => x.id === g || x.name.toLocaleLowerCase() === g)[0]
        : undefined;
      if (g && !m) throw new Refused('unknown_gemeente', { gemeente: wanted ?? '' });
      return listDuos(tx, m ? { municipality: m.id } : {}).map((d) =>
        ctx.t('duo.list_line', {
          id: d.id,
          newcomer: tx.get('people', d.newcomerId)?.name ?? d.newcomerId,
          buddy: tx.get('people', d.buddyId)?.name ?? d.buddyId,
          status: d.status,
          date: localDate(new Date(d.matchedAt), ctx.config.TIMEZONE),
          rhythm: rhythmOf(d),
          months: plannedMonthsOf(d),
          first: d.firstMeetingAt ?? '-',
        }),
      );
    });
    for (const l of lines.length ? lines : [ctx.t('duo.list_none')]) ctx.out(l);
  });

const trajectorySet = (ctx: CliContext, o: Opts) =>
  run(ctx, async (store) => {
    const ob = o['obligation']?.toLocaleLowerCase();
    if (ob !== undefined && !['ja', 'nee', 'yes', 'no'].includes(ob)) throw new Refused('duo.bad_obligation');
    const newcomerId = await personId(store, o['newcomer'] ?? '');
    const coachId = o['coach'] ? await personId(store, o['coach']) : undefined;
    await coachFor(store, coachId, newcomerId);
    const r = await store.transact((tx) => {
      const old = trajectoryOf(tx, newcomerId);
      return setTrajectory(
        tx,
        {
          newcomerId,
          start: o['start'] ?? old?.start ?? '',
          end: o['end'] ?? old?.end ?? '',
          obligation: ob === undefined ? (old?.obligation ?? true) : ob === 'ja' || ob === 'yes',
          ...(o['status'] !== undefined ? { status: o['status'] } : {}),
          ...(coachId ? { coachId } : {}),
          ...(o['offers'] !== undefined
            ? {
                offerTypes: o['offers']
                  .split(',')
                  .map((x) => x.trim())
                  .filter(Boolean),
              }
            : {}),
        },
        { ids: createSystemIds() },
      );
    });
    if (!r.ok) throw new Refused('duo.refused', { problem: problemLine(ctx, r) });
    await show(ctx, store, newcomerId);
  });

const show = async (ctx: CliContext, store: Store<DataSchema>, newcomerId: string) => {
  const text = await store.read((tx) => {
    const t = trajectoryOf(tx, newcomerId);
    const name = tx.get('people', newcomerId)?.name ?? newcomerId;
    if (!t) throw new Refused('duo.trajectory_none', { newcomer: name });
    const coach = t.coachId ?? tx.get('people', newcomerId)?.coachId;
    return ctx.t('duo.trajectory', {
      newcomer: name,
      start: t.start,
      end: t.end,
      obligation: ctx.t(t.obligation ? 'duo.yes' : 'duo.no'),
      status: trajectoryStatusOf(t),
      coach: (coach && tx.get('people', coach)?.name) || '-',
      gemeente: t.municipality ?? tx.get('people', newcomerId)?.municipality ?? '-',
      offers: t.offerTypes?.join(', ') || '-',
      duos:
        liveDuosOf(tx, newcomerId)
          .map((d) => `${d.id} (${tx.get('people', d.buddyId)?.name ?? d.buddyId}, ${d.status})`)
          .join(', ') || '-',
    });
  });
  ctx.out(text);
};

/** Required options per command; a missing one is a usage error (exit 2). */
const REQUIRED: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'duo add': [['newcomer'], ['buddy']],
  'duo pause': [['duo', 'newcomer']],
  'duo resume': [['duo', 'newcomer']],
  'duo end': [['duo', 'newcomer']],
  'duo first-meeting': [['duo', 'newcomer'], ['date']],
  'duo list': [],
  'duo log': [['duo', 'newcomer']],
  'trajectory set': [['newcomer']],
  'trajectory show': [['newcomer']],
};

/**
 * `duo add|pause|resume|end|first-meeting|list`, `trajectory set|show`: coaches set up and follow
 * up duos and terms from the command line. Exit 0 when done, 1 when refused (unknown person, wrong
 * role, bad value), 2 for a missing option or an unknown subcommand.
 */
export const duoCommand = async (
  ctx: CliContext,
  cmd: string,
  sub: string | undefined,
  _args: readonly string[],
  o: Opts,
): Promise<number> => {
  const name = `${cmd} ${sub ?? ''}`;
  const required = REQUIRED[name];
  if (!required) {
    if (sub) ctx.err(ctx.t('unknown_command', { command: name.trim() }));
    ctx.err(ctx.t('duo.usage'));
    return 2;
  }
  const gone = required.find((alts) => !alts.some((k) => o[k]));
  if (gone) {
    ctx.err(ctx.t('missing_option', { option: gone.join(' | --') }));
    ctx.err(ctx.t('duo.usage'));
    return 2;
  }
  switch (name) {
    case 'duo add':
      return duoAdd(ctx, o);
    case 'duo list':
      return duoList(ctx, o);
    case 'duo log':
      return duoLogCommand(ctx, o);
    case 'trajectory set':
      return trajectorySet(ctx, o);
    case 'trajectory show':
      return run(ctx, async (store) => show(ctx, store, await personId(store, o['newcomer'] ?? '')));
    default:
      return duoChange(ctx, sub as 'pause' | 'resume' | 'end' | 'first-meeting', o);
  }
};
