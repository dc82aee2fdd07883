import type { DomainAction } from '../../core/actions.js';
import { authorize } from '../access/policy.js';
import { openHandover } from '../handover/handovers.js';
import { closeChoice, postRoot } from '../handover/post.js';
import type { HandoverRelayOptions } from '../handover/relay.js';
import type { Handover } from '../handover/types.js';
import { openCoachRequest } from '../requests.js';
import type { DataSchema } from '../schema.js';

const REASONS: readonly Handover['reason'][] = ['asked', 'stuck', 'buddy_question'];

/**
 * `handover_open`: the person talks with their coach from now on (args.reason asked | stuck |
 * buddy_question); the coach gets the first post with a close button. A buddy's question names
 * the newcomer of their live duo (when there is exactly one). Outcomes: ok (also when one was
 * open already), no_coach (no coach reachable by chat: a coach request is kept instead), staff.
 * Without `o` (content checks only) the coach is told by a plain message.
 */
export const handoverActions = (o?: HandoverRelayOptions): Record<string, DomainAction<DataSchema>> => ({
  handover_open: ({ tx, now, ids, personId }, args) => {
    const person = personId ? tx.get('people', personId) : undefined;
    if (!person) return { outcome: 'no_person' };
    const reason = REASONS.find((r) => r === args['reason']) ?? 'asked';
    const duos =
      reason === 'buddy_question'
        ? tx.list('duos', (d) => d.buddyId === person.id && d.status !== 'ended')
        : [];
    const candidate = duos.length === 1 ? duos[0]!.newcomerId : null;
    const aboutId =
      candidate && authorize(tx, person, 'trajectory.view', { personId: candidate }).ok ? candidate : null;
    const r = openHandover(tx, { ids, now }, person, reason, aboutId);
    if (r.outcome !== 'ok') {
      if (r.outcome === 'not_for_staff') return { outcome: 'staff' };
      openCoachRequest(tx, { ids, now }, person, reason === 'stuck' ? 'stuck' : 'asked');
      return { outcome: 'no_coach' };
    }
    const h = r.handover;
    if (!r.created || !h.coachId) return { outcome: 'ok', data: { handover: h.id } };
    if (o) {
      postRoot(tx, h, { ...o, ids, now });
      return { outcome: 'ok', data: { handover: h.id } };
    }
    const about = aboutId ? (tx.get('people', aboutId)?.name ?? '?') : { $t: 'handover:about_duo' };
    return {
      outcome: 'ok',
      data: { handover: h.id },
      effects: [
        {
          type: 'notify',
          personId: h.coachId,
          template: {
            key: `handover:root.${reason}`,
            params: {
              person: person.name,
              about,
              hint: { $t: 'handover:hint_chat', params: { person: person.name } },
            },
            choices: [closeChoice(h)],
          },
        },
      ],
    };
  },
});
