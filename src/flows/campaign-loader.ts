import { z } from 'zod';
import { campaign as campaignSchema, type Campaign } from './campaign-schema.js';
import { loadDefinitions, parseYamlWith } from './yaml.js';

/** What campaign files are checked against besides the schema. */
export interface CampaignCheckOptions {
  /** True when the i18n key exists in the default language. */
  readonly knownKey?: (key: string) => boolean;
  /** True when a flow with this id exists. */
  readonly knownFlow?: (id: string) => boolean;
}

/** Loaded campaigns by id. */
export type CampaignSet = ReadonlyMap<string, Campaign>;

/** Parses one campaign file's text; the campaign, or its problems as `file:line:col path: …`. */
export const parseCampaign = (
  file: string,
  text: string,
  o: CampaignCheckOptions = {},
): { campaign?: Campaign; problems: string[] } => {
  const r = parseYamlWith(file, text, campaignSchema);
  const c = r.value;
  if (!c) return { problems: r.problems };
  const problems: string[] = [];
  const seen = new Set<string>();
  c.events.forEach((e, i) => {
    const at = (path: (string | number)[], msg: string) =>
      problems.push(`${r.where(['events', i, ...path])}: ${msg}`);
    if (seen.has(e.id)) at(['id'], `event id "${e.id}" is used twice; give each event its own id`);
    seen.add(e.id);
    if (e.do.type === 'message' && o.knownKey && !o.knownKey(e.do.text))
      at(['do', 'text'], `i18n key "${e.do.text}" is missing in locales/nl`);
    if (e.do.type === 'flow' && o.knownFlow && !o.knownFlow(e.do.flow))
      at(['do', 'flow'], `flow "${e.do.flow}" does not exist in flows/`);
    if (e.skip_if?.checkin_answered && !c.events.some((x) => x.id === e.skip_if?.checkin_answered))
      at(['skip_if', 'checkin_answered'], `no event "${e.skip_if.checkin_answered}" in this campaign`);
  });
  return problems.length ? { problems } : { campaign: c, problems };
};

/**
 * Loads every `*.yaml` campaign in `dir` (flows/campaigns). Any problem stops with one FLOW_INVALID
 * error listing each as `file:line:col path: what is wrong`.
 */
export const loadCampaigns = (dir: string, o: CampaignCheckOptions = {}): CampaignSet => {
  const all = loadDefinitions<Campaign>(dir, {
    what: 'Campaign',
    accept: (f) => /\.ya?ml$/.test(f),
    parse: (file, text) => {
      const r = parseCampaign(file, text, o);
      return r.campaign ? { value: r.campaign, problems: r.problems } : { problems: r.problems };
    },
    duplicate: (file, id) => `${file} id: campaign id "${id}" is used twice`,
  });
  return new Map([...all].map(([id, c]) => [id, c.value]));
};

/** The JSON Schema of a campaign file, for editor completion (`npm run schema`). */
export const campaignJsonSchema = (): unknown => z.toJSONSchema(campaignSchema, { io: 'input' });
