/**
 * Connecting to PostgreSQL: the client, the schema it works in, and errors that name the database
 * but never the password.
 */
import pg from 'pg';
import { CodedError } from '../../core/errors.js';

/** Where the data lives: DATABASE_URL and a schema inside that database. */
export interface PostgresTarget {
  /** A connection string, e.g. `postgres://netwerkbot:secret@127.0.0.1:5432/netwerkbot`. */
  readonly url: string;
  /**
   * The PostgreSQL schema holding the tables (created if missing). Default: the connection's
   * search_path (settable in DATABASE_URL), usually `public`.
   */
  readonly schema?: string;
}

/** `database "x" on host:port, schema s`: how errors name the target, without user or password. */
export const describeTarget = (t: PostgresTarget): string => {
  let where = 'DATABASE_URL';
  try {
    const u = new URL(t.url);
    where = `database "${decodeURIComponent(u.pathname.slice(1)) || '(default)'}" on ${u.hostname}${u.port ? `:${u.port}` : ''}`;
  } catch {
    // not a URL (e.g. key=value form): name the variable only, its text may hold the password
  }
  return t.schema === undefined ? where : `${where}, schema "${t.schema}"`;
};

/** STORE_IO for a failed database operation; the message names the target, never the URL. */
export const pgError = (t: PostgresTarget, doing: string, cause: unknown): CodedError => {
  if (cause instanceof CodedError) return cause;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new CodedError(
    'STORE_IO',
    `PostgreSQL store (${describeTarget(t)}): ${doing} failed: ${detail}. Check that PostgreSQL runs and DATABASE_URL is right.`,
    { cause, context: { target: describeTarget(t), doing } },
  );
};

/** A connection, and the target with its schema resolved. */
export interface Connected {
  readonly client: pg.Client;
  readonly target: PostgresTarget & { readonly schema: string };
}

/**
 * The schema to use: `t.schema`, else the connection's own (the first of its search_path, which
 * DATABASE_URL may set with `?options=-c%20search_path%3Dmyschema`), else `public`.
 */
const resolveSchema = async (client: pg.Client, t: PostgresTarget): Promise<string> => {
  if (t.schema !== undefined) return t.schema;
  const current = (await client.query<{ s: string | null }>('SELECT current_schema() AS s')).rows[0]?.s;
  if (current) return current;
  const path = (await client.query<{ search_path: string }>('SHOW search_path')).rows[0]?.search_path ?? '';
  const first = path
    .split(',')
    .map((x) => x.trim().replace(/^"(.*)"$/, '$1'))
    .find((x) => x !== '' && x !== '$user');
  return first ?? 'public';
};

/**
 * Connects, creates the schema if needed and sets the search_path to it. The connection's
 * application_name says what it is for (`netwerkbot store <schema>`, `netwerkbot roles <schema>`),
 * so pg_stat_activity shows each process's connections per region.
 */
export const connect = async (t: PostgresTarget, purpose = 'store'): Promise<Connected> => {
  // keepAlive: a dead peer (a database host gone) is noticed, and with it a lost role lock.
  const client = new pg.Client({ connectionString: t.url, keepAlive: true });
  // An idle connection that drops must not crash the process; the next query reports it.
  client.on('error', () => {});
  try {
    await client.connect();
    const schema = await resolveSchema(client, t);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`);
    await client.query(`SET search_path TO ${pg.escapeIdentifier(schema)}`);
    await client.query('SELECT set_config($1, $2, false)', [
      'application_name',
      `netwerkbot ${purpose} ${schema}`.slice(0, 63),
    ]);
    // A process that hangs inside a transaction would hold the region's commit lock: PostgreSQL
    // ends such a session after a minute (the process then connects again).
    await client.query("SET idle_in_transaction_session_timeout = '60s'");
    return { client, target: { ...t, schema } };
  } catch (e) {
    await client.end().catch(() => {});
    throw pgError(t, 'connecting', e);
  }
};

/**
 * The LISTEN/NOTIFY channel on which commits to `schema` are announced (channels are per
 * database, so the schema is in the name; at most 63 bytes, as PostgreSQL identifiers).
 */
export const notifyChannel = (schema: string): string => `netwerkbot_store:${schema}`.slice(0, 63);
