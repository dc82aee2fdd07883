/**
 * The Slack `activity add` form: `/netwerkbot activity add` opens the modal (signed slash command
 * into Bolt, views.open on the fake Web API), its submission becomes the command line a coach could
 * have typed. Also the pure mapping of the form's values to that line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACTIVITY_FIELDS,
  activityAddArgs,
  activityAddModal,
  fromActivityAddSubmission,
  isActivityAddAlone,
  quoteFree,
  type SlackTexts,
} from '../../src/channels/slack/index.js';
import { privateAddress } from '../../src/core/channel.js';
import type { Inbound } from '../../src/core/messages.js';
import {
  createSlackHarness,
  TEST_ACTIVITY_TEXTS,
  TEST_TEXTS,
  type SlackHarness,
} from '../fakes/slack/harness.js';
import { slashCommand, viewSubmission } from '../fakes/slack/payloads.js';
import { waitFor } from '../fakes/harness.js';

type View = { callback_id: string; title: { text: string }; blocks: Record<string, unknown>[] };
type Values = Parameters<typeof activityAddArgs>[0];

/** The form's state as Slack submits it: text inputs, date and time pickers, checkboxes. */
const values = (o: {
  title?: string;
  description?: string;
  municipality?: string | null;
  price?: string;
  tags?: string[];
  criteria?: string[];
}): Values => {
  const text = (value: string | null) => ({ value: { type: 'plain_text_input', value } });
  const boxes = (xs: string[] | undefined) => ({
    value: { type: 'checkboxes', selected_options: (xs ?? []).map((value) => ({ value })) },
  });
  return {
    title: text(o.title ?? 'Taalcafé'),
    description: text(o.description ?? 'Praten bij koffie.'),
    date: { value: { type: 'datepicker', selected_date: '2026-12-04' } },
    start: { value: { type: 'timepicker', selected_time: '14:00' } },
    end: { value: { type: 'timepicker', selected_time: '16:30' } },
    place: text('Bib Wetteren'),
    address: text('Markt 1, 9230 Wetteren'),
    municipality: text(o.municipality ?? null),
    price: text(o.price ?? '0'),
    organiser: text('Bib Wetteren'),
    tags: boxes(o.tags),
    criteria: boxes(o.criteria),
  } as unknown as Values;
};

describe('slack channel: the activity add form', () => {
  let h: SlackHarness;
  let got: Inbound[];
  afterEach(async () => {
    await h.close();
  });

  const start = async (texts?: SlackTexts) => {
    h = await createSlackHarness(texts ? { texts } : {});
    got = [];
    await h.channel.start(async (m) => {
      got.push(m);
    });
  };
  const command = (text: string, channel = 'CWIJK') =>
    slashCommand(h.workspace, { user: h.userId('lotte'), channel, command: '/netwerkbot', text });
  /** Runs the command and returns the view it opened. */
  const open = async (text: string, channel?: string): Promise<View> => {
    const before = h.api.calls.filter((c) => c.method === 'views.open').length;
    const fields = command(text, channel);
    expect((await h.post({ kind: 'command', fields })).status).toBe(200);
    await waitFor(() => h.api.calls.filter((c) => c.method === 'views.open').length > before, 'views.open');
    const call = h.api.calls.filter((c) => c.method === 'views.open').at(-1)!;
    expect(call.args['trigger_id']).toBe(fields['trigger_id']);
    return call.args['view'] as View;
  };
  const submit = (view: View, v: Values, viewId: string) =>
    h.post(
      {
        kind: 'interaction',
        payload: viewSubmission(h.workspace, {
          user: h.userId('lotte'),
          view: view as unknown as Record<string, unknown>,
          values: v as unknown as Record<string, Record<string, unknown>>,
          viewId,
        }),
      },
      { handled: true },
    );

  it('`activity add` alone opens a modal with every field, in the words passed', async () => {
    await start();
    const view = await open('activity add');
    await h.settle();
    expect(got).toEqual([]);
    expect(view).toMatchObject({
      type: 'modal',
      callback_id: 'netwerkbot_activity_add',
      private_metadata: 'CWIJK',
    });
    expect(view.title.text).toBe(TEST_ACTIVITY_TEXTS.title);
    const byId = Object.fromEntries(view.blocks.map((b) => [b['block_id'], b]));
    expect(Object.keys(byId)).toEqual([...ACTIVITY_FIELDS]);
    expect(view.blocks.every((b) => b['type'] === 'input')).toBe(true);
    expect(byId['title']).toMatchObject({
      label: { text: TEST_ACTIVITY_TEXTS.fields.title },
      element: { type: 'plain_text_input', action_id: 'value', max_length: 80 },
    });
    expect(byId['description']).toMatchObject({
      element: { type: 'plain_text_input', multiline: true, max_length: 400 },
    });
    expect(byId['date']).toMatchObject({ element: { type: 'datepicker', action_id: 'value' } });
    expect(byId['start']).toMatchObject({ element: { type: 'timepicker' } });
    expect(byId['end']).toMatchObject({ element: { type: 'timepicker' } });
    for (const id of ['place', 'address', 'price', 'organiser'])
      expect(byId[id]).toMatchObject({ element: { type: 'plain_text_input' } });
    const optional = view.blocks.filter((b) => b['optional']).map((b) => b['block_id']);
    expect(optional).toEqual(['municipality', 'tags', 'criteria']);
    const options = (id: string) =>
      (byId[id]!['element'] as { type: string; options: { value: string }[] }).options.map((x) => x.value);
    expect(byId['tags']).toMatchObject({ element: { type: 'checkboxes' } });
    expect(options('tags')).toEqual([
      'children_welcome',
      'no_registration',
      'public_transport',
      'school_hours',
      'wheelchair',
    ]);
    expect(options('criteria')).toEqual(['free', 'dutch_context', 'accessible_organisation']);
  });

  it('takes its words from the options', async () => {
    await start({ ...TEST_TEXTS, activity: TEST_ACTIVITY_TEXTS });
    const view = await open('activity add', h.dmOf('lotte'));
    expect(view.title.text).toBe('Activiteit toevoegen');
    const labels = view.blocks.map((b) => (b['label'] as { text: string }).text);
    expect(labels).toEqual(ACTIVITY_FIELDS.map((f) => TEST_ACTIVITY_TEXTS.fields[f]));
    const tags = view.blocks.find((b) => b['block_id'] === 'tags')!['element'] as {
      options: { text: { text: string } }[];
    };
    expect(tags.options[0]!.text.text).toBe('Kinderen welkom');
  });

  it('a submission becomes the activity add command, acknowledged with clear', async () => {
    await start();
    const view = await open('activity add');
    const ack = await submit(
      view,
      values({
        title: 'Taalcafé "Babbel"',
        description: 'Praten bij koffie.\nKinderen mogen mee.\r\nGratis.',
        municipality: '  Sint-Niklaas ',
        price: '3,50',
        tags: ['wheelchair', 'children_welcome'],
        criteria: ['free', 'accessible_organisation'],
      }),
      'V1',
    );
    expect(ack.status).toBe(200);
    expect(ack.json).toEqual({ response_action: 'clear' });
    await submit(view, values({ municipality: '', criteria: ['dutch_context'] }), 'V2');
    await h.settle();
    expect(got.map((m) => m.kind === 'command' && m.args)).toEqual([
      'activity add title="Taalcafé ”Babbel”" description="Praten bij koffie. Kinderen mogen mee. Gratis." ' +
        'date=2026-12-04 start=14:00 end=16:30 place="Bib Wetteren" address="Markt 1, 9230 Wetteren" ' +
        'price=3,50 organiser="Bib Wetteren" free=ja dutch_context=nee accessible_organisation=ja ' +
        'gemeente="Sint-Niklaas" tags=children_welcome,wheelchair',
      'activity add title="Taalcafé" description="Praten bij koffie." date=2026-12-04 start=14:00 ' +
        'end=16:30 place="Bib Wetteren" address="Markt 1, 9230 Wetteren" price=0 organiser="Bib Wetteren" ' +
        'free=nee dutch_context=ja accessible_organisation=nee',
    ]);
    expect(got[0]).toMatchObject({
      kind: 'command',
      command: 'netwerkbot',
      id: 'view:V1',
      address: h.privateAddress('lotte'),
      inGroup: true,
    });
  });

  it('`activity add` with arguments goes to the core; `person add` still opens its own form', async () => {
    await start();
    const fields = command('activity add title="Wandeling"');
    await h.post({ kind: 'command', fields }, { handled: true });
    await h.settle();
    expect(got).toMatchObject([{ kind: 'command', args: 'activity add title="Wandeling"' }]);
    expect(h.api.calls.some((c) => c.method === 'views.open')).toBe(false);

    const person = await open('person add');
    expect(person.callback_id).toBe('netwerkbot_person_add');
    expect(person.blocks.map((b) => b['block_id'])).toEqual(['name', 'role', 'language', 'municipality']);
    const activity = await open('  Activity   ADD ');
    expect(activity.callback_id).toBe('netwerkbot_activity_add');
  });
});

describe('activity add form: mapping', () => {
  const at = new Date('2026-11-23T09:00:00Z');

  it('recognises `activity add` alone only', () => {
    expect(isActivityAddAlone('activity add')).toBe(true);
    expect(isActivityAddAlone(' Activity  Add ')).toBe(true);
    expect(isActivityAddAlone('activity add title=x')).toBe(false);
    expect(isActivityAddAlone('activity list')).toBe(false);
  });

  it('quotes free text: " becomes ”, line breaks spaces', () => {
    expect(quoteFree('Zeg "hallo"\nen\r\nkom')).toBe('"Zeg ”hallo” en kom"');
  });

  it('quotes a price only when it has spaces; no tags, no gemeente: left out', () => {
    expect(activityAddArgs(values({ price: '3,50 euro' }))).toContain(' price="3,50 euro" ');
    const args = activityAddArgs(values({}))!;
    expect(args).not.toMatch(/gemeente=|tags=/);
    expect(args.endsWith('free=nee dutch_context=nee accessible_organisation=nee')).toBe(true);
  });

  it('an incomplete form gives nothing', () => {
    expect(activityAddArgs(values({ title: '  ' }))).toBeNull();
    const v = values({}) as Record<string, unknown>;
    expect(activityAddArgs({ ...v, date: { value: { selected_date: null } } } as Values)).toBeNull();
  });

  it('the submission -> a command from the coach, in a DM not inGroup', () => {
    const body = {
      user: { id: 'U1' },
      view: { id: 'V9', private_metadata: 'D1', state: { values: values({}) } },
    };
    expect(fromActivityAddSubmission('slack', '/netwerkbot', body, at)).toEqual({
      kind: 'command',
      id: 'view:V9',
      command: 'netwerkbot',
      args: activityAddArgs(values({})),
      address: privateAddress('slack', 'U1'),
      receivedAt: at.toISOString(),
    });
  });

  it('labels stay within Slack’s limits', () => {
    const long = 'x'.repeat(100);
    const view = activityAddModal(
      { ...TEST_ACTIVITY_TEXTS, title: long, tags: [{ value: 'wheelchair', label: long }] },
      'C1',
    );
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    const tags = view.blocks.find((b) => b.block_id === 'tags') as unknown as {
      element: { options: { text: { text: string } }[] };
    };
    expect(tags.element.options[0]!.text.text.length).toBeLessThanOrEqual(75);
  });
});
