/**
 * Counts kept at write time, so `stats()` and `actors()` read a few rows
 * instead of aggregating whole tables. A batch collects its deltas here and
 * writes them once, at the end of its transaction: the counts commit (or
 * roll back) with the rows they count, so they stay exact through merges,
 * idempotent reruns and crashes. Keys are written in sorted order so two
 * PostgreSQL writers lock counter rows in the same order.
 */
import type { V3_TOTALS } from '../sqlite/migrations.js';
import type { Sql } from './sql.js';

/** The tables whose row counts `stats()` reports (`total` rows of `counts`). */
export type Total = (typeof V3_TOTALS)[number];

/** Per-actor columns of `actors` kept as counts. */
export type ActorCount = 'articles' | 'events' | 'as_source' | 'as_target';

/** Rows per multi-row upsert: well under either engine's limit on bound parameters. */
const ROWS_PER_STATEMENT = 200;

export class Counters {
  /** `kind \0 k1 \0 k2` -> delta, for the `counts` table. */
  private readonly counts = new Map<string, number>();
  /** actor id -> column -> delta. */
  private readonly actors = new Map<string, Map<ActorCount, number>>();
  /** `actor \0 partner` -> events newly shared (both directions are counted). */
  private readonly partners = new Map<string, number>();

  total(table: Total, n = 1): void {
    this.add('total', table, '', n);
  }

  /** A new event: counted by type, by event date and by directed dyad of root codes. */
  event(type: string, date: string, sourceCode: string, targetCode: string): void {
    this.total('events');
    this.add('type', type, '', 1);
    if (date) this.add('day', date, '', 1);
    if (targetCode) this.add('dyad', sourceCode, targetCode, 1);
  }

  actor(id: string, column: ActorCount): void {
    let columns = this.actors.get(id);
    if (!columns) {
      columns = new Map();
      this.actors.set(id, columns);
    }
    columns.set(column, (columns.get(column) ?? 0) + 1);
  }

  /** A first mention of the two actors facing each other in an event. */
  pair(a: string, b: string): void {
    for (const key of [`${a}\u0000${b}`, `${b}\u0000${a}`]) this.partners.set(key, (this.partners.get(key) ?? 0) + 1);
  }

  /** Bands stored in story_bands_recent, which `mergeBands` empties (see `recentBandsLimit` in ingest.ts). */
  recentBands(n: number): void {
    this.add('bands', 'recent', '', n);
  }

  private add(kind: string, k1: string, k2: string, n: number): void {
    if (n === 0) return;
    const key = `${kind}\u0000${k1}\u0000${k2}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }

  /** Writes every delta; call once, last thing in the transaction. */
  async write(tx: Sql): Promise<void> {
    const rows = [...this.counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      await tx.run(
        `INSERT INTO counts (kind, k1, k2, n) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}
         ON CONFLICT (kind, k1, k2) DO UPDATE SET n = counts.n + excluded.n`,
        chunk.flatMap(([key, n]) => [...key.split('\u0000'), n]),
      );
    }
    const pairs = [...this.partners].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (let i = 0; i < pairs.length; i += ROWS_PER_STATEMENT) {
      const chunk = pairs.slice(i, i + ROWS_PER_STATEMENT);
      await tx.run(
        `INSERT INTO actor_partners (actor_id, partner_id, n) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}
         ON CONFLICT (actor_id, partner_id) DO UPDATE SET n = actor_partners.n + excluded.n`,
        chunk.flatMap(([key, n]) => [...key.split('\u0000'), n]),
      );
    }
    const ids = [...this.actors.keys()].sort();
    for (const id of ids) {
      const c = this.actors.get(id);
      await tx.run(
        `UPDATE actors SET articles = articles + ?, events = events + ?, as_source = as_source + ?,
           as_target = as_target + ? WHERE id = ?`,
        [c?.get('articles') ?? 0, c?.get('events') ?? 0, c?.get('as_source') ?? 0, c?.get('as_target') ?? 0, id],
      );
    }
  }
}
