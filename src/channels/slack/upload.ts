/**
 * Sending a document the bot made (a proof's PDF, `Outbound.media` of kind `document` whose `ref`
 * is a local file path) with files.uploadV2, the text as its comment.
 */
import { readFile } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import type { webApi } from '@slack/bolt';
import type { SendResult } from '../../core/channel.js';
import { directed } from '../../core/format.js';
import type { Address, Outbound } from '../../core/messages.js';
import { conversationOf } from './edit.js';
import { escapeMrkdwn, platformIdOf, threadTs } from './outbound.js';

type WebClient = InstanceType<typeof webApi.WebClient>;

/** True when the outbound carries a local file to upload (an absolute path, not a platform id). */
export const isLocalDocument = (m: Outbound): boolean =>
  m.media?.kind === 'document' && isAbsolute(m.media.ref);

/**
 * Uploads the outbound's document into the address's conversation: a user id is first turned into
 * its DM ({@link conversationOf}), as files.completeUploadExternal needs a conversation id. A file that
 * is gone is a permanent failure (it will not come back by retrying). Returns the platform id of
 * the conversation and the uploaded file.
 */
export const uploadDocument = async (client: WebClient, to: Address, m: Outbound): Promise<SendResult> => {
  const path = m.media?.ref ?? '';
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch {
    return { ok: false, permanent: true, reason: 'slack: document file missing' };
  }
  const channel = (await conversationOf(client, to.chat)) ?? to.chat;
  const args = {
    channel_id: channel,
    file,
    filename: basename(path),
    title: basename(path),
    initial_comment: escapeMrkdwn(directed(m.text, m.direction)),
  };
  const res = (await (to.thread
    ? client.files.uploadV2({ ...args, thread_ts: threadTs(to.thread) })
    : client.files.uploadV2(args))) as { files?: { files?: { id?: string }[] }[] };
  const id = res.files?.[0]?.files?.[0]?.id ?? '';
  return { ok: true, platformId: platformIdOf(channel, id) };
};
