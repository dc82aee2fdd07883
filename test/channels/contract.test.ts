import { describe } from 'vitest';
import type { HarnessFactory } from '../fakes/harness.js';
import { createSlackHarness } from '../fakes/slack/harness.js';
import { createTelegramHarness } from '../fakes/telegram/harness.js';
import { createWhatsAppHarness } from '../fakes/whatsapp/harness.js';
import { channelContract } from './contract.js';

/** Every platform adapter, each behind its fake, keeps the same contract (see contract.ts). */
const CHANNELS: readonly (readonly [string, HarnessFactory])[] = [
  ['telegram', createTelegramHarness],
  ['slack', createSlackHarness],
  ['whatsapp', createWhatsAppHarness],
];

describe.each(CHANNELS)('%s channel contract', (_name, make) => channelContract(make));
