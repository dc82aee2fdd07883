import { describe } from 'vitest';
import { createWhatsAppHarness } from '../fakes/whatsapp/harness.js';
import { channelContract } from './contract.js';

describe.each([['whatsapp', createWhatsAppHarness]])('%s channel contract', (_n, make) =>
  channelContract(make),
);
