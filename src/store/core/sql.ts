/**
 * What an engine gives the shared store logic: a way to run SQL, a
 * transaction, a lock for racing writers, and its dialect's full-text
 * predicate. Queries are written once with `?` placeholders in the SQL both
 * SQLite and PostgreSQL understand (upserts with ON CONFLICT, RETURNING);
 * the PostgreSQL engine numbers the placeholders.
 */
/** A bound value; bytes are BLOB in SQLite and BYTEA in PostgreSQL. */
export type SqlValue = string | number | null | Uint8Array;

export interface Sql {
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlFragment {
  sql: string;
  params: SqlValue[];
}

export interface SqlBackend {
  readonly engine: string;
  readonly sql: Sql;
  /** Runs `fn` in one transaction: all of it commits or none of it does. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Serialises writers on other connections that touch the same keys (article
   * fingerprints, merge keys, LSH bands) until the transaction ends. Keys
   * come sorted so two writers never wait on each other in a cycle. They are
   * asked for, not passed: an engine whose transaction already excludes every
   * other writer (SQLite) never computes them.
   */
  lock(tx: Sql, keys: () => readonly string[]): Promise<void>;
  /**
   * A condition on the events alias `e` that holds when one of the event's
   * mention sentences contains every word of `text`, or null when the text
   * has no words. The text must end up as a bound parameter, never as SQL.
   */
  textMatch(text: string): SqlFragment | null;
  /**
   * Runs `write`, which adds mentions inside transaction `tx`, then brings the
   * full-text index up to date with them: indexing a batch at once costs a
   * fraction of indexing row by row.
   */
  indexingMentions<T>(tx: Sql, write: () => Promise<T>): Promise<T>;
  /**
   * Moves every row of story_bands_recent into story_bands, in band order so
   * each page of story_bands is written once, and sets the recent count to 0.
   * A row another writer adds meanwhile is either moved or left, never lost.
   */
  mergeBands(tx: Sql): Promise<void>;
  close(): Promise<void>;
}

/** `?, ?, ?` for an IN list. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** `(?, ?), (?, ?)`: a VALUES list of `rows` rows of `width` columns, so many rows take one statement. */
export function rowPlaceholders(rows: number, width: number): string {
  const row = `(${placeholders(width)})`;
  return Array.from({ length: rows }, () => row).join(', ');
}

/** Words of a free-text search: letters and digits only, so no operator of either engine survives. */
export function searchWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}
