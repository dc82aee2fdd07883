/**
 * Role locks for a region (several processes on one PostgreSQL schema): a role (`scheduler`, a
 * channel such as `telegram` or `whatsapp`) runs in one process at a time. Each role is a
 * session-level advisory lock on a connection of its own, so it is released the moment the process
 * ends, however it ends (a crash or a kill closes the connection), and a process waiting for the
 * role takes over within `retryMs`.
 *
 * Why this keeps a conversation in order across processes: a conversation belongs to one address,
 * and an address to one channel, so its inbound messages all arrive at the one process that holds
 * that channel's role, which handles them in order (the runtime's per-conversation queue). What
 * other processes do to the same conversation (a scheduled flow, a timeout) is one store
 * transaction each, serialised with the turns by the store's commit lock.
 */
import { connect, describeTarget, pgError, type PostgresTarget } from './connect.js';

export interface RoleLockOptions extends PostgresTarget {
  /** How often a waiting process tries again. Default 2 s. */
  readonly retryMs?: number;
  /** Told once per role the process has to wait for (another process holds it). */
  readonly onWait?: (role: string) => void;
  /** The lock connection broke: the roles may already run elsewhere. The process should stop. */
  readonly onLost?: (err: Error) => void;
}

export interface RoleLocks {
  /**
   * Resolves once this process holds every one of `roles`: all or none, so two processes that want
   * overlapping roles never each hold a part and wait for the other.
   */
  acquire(roles: readonly string[]): Promise<void>;
  /** The roles this process holds. */
  held(): readonly string[];
  /** Releases every role (ends the connection). */
  release(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Opens the connection the role locks live on (the store's schema names the region). */
export const openRoleLocks = async (o: RoleLockOptions): Promise<RoleLocks> => {
  const { client, target } = await connect(o, 'roles');
  const retryMs = o.retryMs ?? 2000;
  let mine: string[] = [];
  let ended = false;
  const lost = (err: unknown) => {
    if (ended) return;
    ended = true;
    o.onLost?.(pgError(target, 'holding the role locks', err));
  };
  client.on('error', lost);
  client.on('end', () => lost(new Error('connection ended')));
  const key = (role: string) => `netwerkbot:role:${target.schema}:${role}`;
  const tryRole = async (role: string): Promise<boolean> =>
    (await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [key(role)]))
      .rows[0]?.ok === true;
  const unlock = (role: string) =>
    client.query('SELECT pg_advisory_unlock(hashtext($1))', [key(role)]).then(() => undefined);

  return {
    acquire: async (roles) => {
      const wanted = [...new Set(roles)].sort();
      const told = new Set<string>();
      for (;;) {
        const got: string[] = [];
        let missing: string | null = null;
        try {
          for (const r of wanted) {
            if (mine.includes(r) || (await tryRole(r))) got.push(r);
            else {
              missing = r;
              break;
            }
          }
          if (missing === null) {
            mine = [...new Set([...mine, ...got])];
            return;
          }
          for (const r of got) if (!mine.includes(r)) await unlock(r);
        } catch (e) {
          throw pgError(target, `taking the role locks (${describeTarget(target)})`, e);
        }
        if (!told.has(missing)) {
          told.add(missing);
          o.onWait?.(missing);
        }
        await sleep(retryMs);
      }
    },
    held: () => mine,
    release: async () => {
      ended = true;
      mine = [];
      await client.end().catch(() => {});
    },
  };
};
