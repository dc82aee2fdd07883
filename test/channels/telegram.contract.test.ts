import { describe } from 'vitest';
import { createTelegramHarness } from '../fakes/telegram/harness.js';
import { channelContract } from './contract.js';

describe.each([['telegram', createTelegramHarness]])('%s channel contract', (_n, make) =>
  channelContract(make),
);
