import type { Ids } from '../../core/clock.js';
import type { Template } from '../../core/effects.js';
import type { Json, WriteTx } from '../../core/store.js';
import { addActivity } from '../activities/index.js';
import type { DataSchema, Person } from '../schema.js';
import { splitArgs } from './args.js';
import { allowed } from '../access/policy.js';
import { gemeenteIds } from './scope.js';

export interface ActivityCommandSettings {
  readonly now: Date;
  readonly ids: Ids;
  readonly timeZone: string;
  readonly languages: readonly string[];
}

/**
 * `activity add title="…" description="…" date=2026-12-02 start=14:00 end=16:00 place="…" …
 * free=ja dutch_context=ja accessible_organisation=ja` (what Slack's form sends): adds the
 * activity in the staff member's gemeente (or the gemeente given, within their scope) and says
 * whether the three criteria keep it out of the weekly digest, or what to fix.
 */
export const activityAddCommand = (
  tx: WriteTx<DataSchema>,
  staff: Person,
  line: string,
  s: ActivityCommandSettings,
): Template[] => {
  const { options } = splitArgs(line);
  const gemeente = options['gemeente'] ?? options['municipality'] ?? staff.municipality;
  const asked = gemeenteIds(tx, gemeente);
  const outside = asked.filter((m) => !allowed(tx, staff, 'aanbod.manage', { municipality: m }));
  if (outside.length) return [{ key: 'staff:add_other_gemeente', params: { gemeente: outside.join(', ') } }];
  const r = addActivity(
    tx,
    { ...options, gemeente: asked.join(',') },
    { now: s.now, ids: s.ids, actor: staff.id, timeZone: s.timeZone, languages: s.languages },
  );
  if (!r.ok) {
    const problems: Json[] = r.problems.map((p) => ({
      $t: 'staff:activity_problem',
      params: { field: p.field, problem: { $t: `cli:activity.problem.${p.code}`, params: { ...p.params } } },
    }));
    return [{ key: 'staff:activity_invalid', params: { problems } }];
  }
  const out: Template[] = [
    { key: 'staff:activity_added', params: { title: r.activity.title, id: r.activity.id } },
  ];
  if (r.criteriaProblems.length)
    out.push({
      key: 'staff:activity_kept_out',
      params: { criteria: r.criteriaProblems.map((c) => ({ $t: `staff:criterion.${c}` })) },
    });
  return out;
};
