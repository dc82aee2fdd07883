import { describe } from 'vitest';
import { createSlackHarness } from '../fakes/slack/harness.js';
import { channelContract } from './contract.js';

describe.each([['slack', createSlackHarness]])('%s channel contract', (_n, make) => channelContract(make));
