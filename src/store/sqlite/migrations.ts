/**
 * SQLite schema, one migration per entry, applied in order and recorded in
 * `schema_migrations`. Never edit a released migration: add the next one.
 * Column names match the PostgreSQL migrations because both engines run the
 * same queries (src/store/core/sql-store.ts).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The tables whose row counts migration 3 backfills into `counts` (frozen with it; see core/counters.ts). */
export const V3_TOTALS = [
  'articles',
  'stories',
  'events',
  'mentions',
  'actors',
  'statements',
  'commitments',
  'stances',
] as const;

/** The statement, commitment and stance tables, which share one shape: columns and indexes are frozen with migrations 1 and 5. */
const RECORD_TABLES = ['statements', 'commitments', 'stances'] as const;
const RECORD_COLUMNS = `  article_id TEXT NOT NULL REFERENCES articles(id),
  local_id TEXT NOT NULL,
  actor_id TEXT,
  other_actor_id TEXT,
  issue TEXT,
  date TEXT,
  data TEXT NOT NULL,`;
const recordIndexes = (t: string) => `CREATE INDEX ${t}_actor ON ${t}(actor_id);
CREATE INDEX ${t}_issue ON ${t}(issue);`;

/**
 * Every table version 6 rebuilds, children first: each is copied into `<table>_v6`, the old one dropped and the
 * copy renamed, so the new tables' foreign keys name the final tables.
 */
const V6_REBUILT = [
  'mentions',
  'event_issues',
  'event_actors',
  'article_actors',
  'story_bands',
  'statements',
  'commitments',
  'stances',
  'events',
  'articles',
  'stories',
] as const;

/** Drops the tables version 6 rebuilt, children first, and gives their copies the old names, parents first. */
export function swapInV6(): string {
  const drops = V6_REBUILT.map((t) => `DROP TABLE ${t};`);
  const renames = [...V6_REBUILT].reverse().map((t) => `ALTER TABLE ${t}_v6 RENAME TO ${t};`);
  return [...drops, ...renames].join('\n');
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
);

CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL UNIQUE,
  url_norm TEXT UNIQUE,
  url TEXT,
  title TEXT,
  date TEXT,
  outlet TEXT,
  author TEXT,
  language TEXT,
  origin TEXT,
  story_id TEXT NOT NULL REFERENCES stories(id),
  signature TEXT NOT NULL,
  warnings TEXT NOT NULL,
  added_at TEXT NOT NULL
);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_date ON articles(date);

CREATE TABLE story_bands (
  band TEXT NOT NULL,
  article_id TEXT NOT NULL REFERENCES articles(id),
  story_id TEXT NOT NULL,
  PRIMARY KEY (band, article_id)
) WITHOUT ROWID;

CREATE TABLE actors (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  code TEXT NOT NULL,
  kind TEXT NOT NULL,
  sector TEXT,
  kb_id TEXT,
  articles INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_code ON actors(code, articles);
CREATE INDEX actors_articles ON actors(articles, id);

CREATE TABLE actor_aliases (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  actor_id TEXT NOT NULL REFERENCES actors(id),
  alias TEXT NOT NULL,
  alias_norm TEXT NOT NULL,
  UNIQUE (actor_id, alias_norm)
);
CREATE INDEX actor_aliases_norm ON actor_aliases(alias_norm);

CREATE TABLE actor_roles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  actor_id TEXT NOT NULL REFERENCES actors(id),
  role TEXT NOT NULL,
  UNIQUE (actor_id, role)
);

CREATE TABLE article_actors (
  article_id TEXT NOT NULL REFERENCES articles(id),
  actor_id TEXT NOT NULL REFERENCES actors(id),
  PRIMARY KEY (article_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX article_actors_actor ON article_actors(actor_id);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  source_actor TEXT NOT NULL REFERENCES actors(id),
  target_actor TEXT REFERENCES actors(id),
  negated INTEGER NOT NULL,
  hypothetical INTEGER NOT NULL,
  date TEXT NOT NULL,
  place_norm TEXT NOT NULL,
  place_name TEXT,
  place_country TEXT,
  data TEXT NOT NULL,
  mention_count INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX events_merge ON events(type, source_code, target_code, negated, hypothetical, date);
CREATE INDEX events_date ON events(date, id);
CREATE INDEX events_source ON events(source_code, date);
CREATE INDEX events_target ON events(target_code, date);
CREATE INDEX events_type ON events(type, date);
CREATE INDEX events_place ON events(place_norm);
CREATE INDEX events_country ON events(place_country);

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL REFERENCES events(id),
  article_id TEXT NOT NULL REFERENCES articles(id),
  local_event_id TEXT NOT NULL,
  source_actor TEXT NOT NULL,
  target_actor TEXT,
  date TEXT NOT NULL,
  sentence TEXT NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (article_id, local_event_id)
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_source ON mentions(source_actor);
CREATE INDEX mentions_target ON mentions(target_actor);

CREATE VIRTUAL TABLE mention_fts USING fts5(
  sentence, content='mentions', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
  INSERT INTO mention_fts(rowid, sentence) VALUES (new.id, new.sentence);
END;

CREATE TABLE merge_reasons (
  event_id TEXT NOT NULL REFERENCES events(id),
  article_id TEXT NOT NULL,
  local_event_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (article_id, local_event_id)
) WITHOUT ROWID;
CREATE INDEX merge_reasons_event ON merge_reasons(event_id);

CREATE TABLE event_issues (
  event_id TEXT NOT NULL REFERENCES events(id),
  issue TEXT NOT NULL,
  PRIMARY KEY (event_id, issue)
) WITHOUT ROWID;
CREATE INDEX event_issues_issue ON event_issues(issue);

${RECORD_TABLES.map(
  (t) => `CREATE TABLE ${t} (
${RECORD_COLUMNS}
  PRIMARY KEY (article_id, local_id)
) WITHOUT ROWID;
${recordIndexes(t)}`,
).join('\n')}
`,
  },
  {
    version: 2,
    name: 'article text',
    // Nullable: articles stored under version 1 kept no text, and there is none to backfill them with.
    sql: 'ALTER TABLE articles ADD COLUMN text TEXT;',
  },
  {
    version: 3,
    name: 'counters',
    // Counts kept at write time (src/store/core/counters.ts), backfilled here from the rows they count;
    // event_actors replaces the mention indexes on source_actor and target_actor for actor filters.
    sql: `
ALTER TABLE actors ADD COLUMN events INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN as_source INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN as_target INTEGER NOT NULL DEFAULT 0;
DROP INDEX actors_articles;
CREATE INDEX actors_rank ON actors(articles DESC, id);

CREATE TABLE event_actors (
  actor_id TEXT NOT NULL,
  side TEXT NOT NULL,
  event_id TEXT NOT NULL,
  PRIMARY KEY (actor_id, side, event_id)
) WITHOUT ROWID;
INSERT INTO event_actors (actor_id, side, event_id)
  SELECT DISTINCT source_actor, 's', event_id FROM mentions
  UNION SELECT DISTINCT target_actor, 't', event_id FROM mentions WHERE target_actor IS NOT NULL;
UPDATE actors SET
  as_source = (SELECT COUNT(*) FROM event_actors x WHERE x.actor_id = actors.id AND x.side = 's'),
  as_target = (SELECT COUNT(*) FROM event_actors x WHERE x.actor_id = actors.id AND x.side = 't'),
  events = (SELECT COUNT(DISTINCT x.event_id) FROM event_actors x WHERE x.actor_id = actors.id);
DROP INDEX mentions_source;
DROP INDEX mentions_target;

-- Partners (actor()): events each pair of actors shares as source and target of one mention.
CREATE TABLE event_pairs (
  actor_a TEXT NOT NULL,
  actor_b TEXT NOT NULL,
  event_id TEXT NOT NULL,
  PRIMARY KEY (actor_a, actor_b, event_id)
) WITHOUT ROWID;
INSERT INTO event_pairs (actor_a, actor_b, event_id)
  SELECT DISTINCT MIN(source_actor, target_actor), MAX(source_actor, target_actor), event_id FROM mentions
  WHERE target_actor IS NOT NULL AND target_actor <> source_actor;
CREATE TABLE actor_partners (
  actor_id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (actor_id, partner_id)
) WITHOUT ROWID;
INSERT INTO actor_partners (actor_id, partner_id, n)
  SELECT actor_a, actor_b, COUNT(*) FROM event_pairs GROUP BY actor_a, actor_b
  UNION ALL SELECT actor_b, actor_a, COUNT(*) FROM event_pairs GROUP BY actor_a, actor_b;
-- Nothing looks actors' articles up; the primary key serves the writes.
DROP INDEX article_actors_actor;
-- Serves the dyad filter (both codes) as well as the source filter did (its prefix).
DROP INDEX events_source;
CREATE INDEX events_dyad ON events(source_code, target_code, date);
-- Candidates' stories are read from articles; 32 copies of the story id per article were never read.
ALTER TABLE story_bands DROP COLUMN story_id;

-- Searches are ANDs of single words, which need no positions: detail=none keeps the index a fraction
-- of the size and cheaper to write.
DROP TRIGGER mentions_fts_insert;
DROP TABLE mention_fts;
CREATE VIRTUAL TABLE mention_fts USING fts5(
  sentence, content='mentions', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', detail=none
);
INSERT INTO mention_fts(mention_fts) VALUES ('rebuild');
CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
  INSERT INTO mention_fts(rowid, sentence) VALUES (new.id, new.sentence);
END;

CREATE TABLE counts (
  kind TEXT NOT NULL,
  k1 TEXT NOT NULL,
  k2 TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (kind, k1, k2)
) WITHOUT ROWID;
INSERT INTO counts (kind, k1, k2, n)
  SELECT 'type', type, '', COUNT(*) FROM events GROUP BY type
  UNION ALL SELECT 'day', date, '', COUNT(*) FROM events WHERE date <> '' GROUP BY date
  UNION ALL SELECT 'dyad', source_code, target_code, COUNT(*) FROM events WHERE target_code <> '' GROUP BY source_code, target_code
  ${V3_TOTALS.map((t) => `UNION ALL SELECT 'total', '${t}', '', COUNT(*) FROM ${t}`).join('\n  ')};
`,
  },
  {
    version: 4,
    name: 'full-text index per batch',
    // A trigger indexed each mention as it was inserted (~30 us each); one INSERT ... SELECT per batch
    // (SqliteBackend.indexingMentions) indexes the same rows for ~4 us each. Stored mentions stay indexed.
    sql: 'DROP TRIGGER mentions_fts_insert;',
  },
  {
    version: 5,
    name: 'fewer pages per batch',
    // Measured on a 20,000-article store, one 500-article commit wrote 45,659 pages. Statements, stances and
    // commitments were keyed by (article id, local id), a random hash first: each ~500-byte row went to a random
    // page (5,400 of them). As rowid tables their rows are appended; only the small unique index is random.
    // mention_count was never read, and counting merges rewrote a random events page for each (1,200).
    sql: `
ALTER TABLE events DROP COLUMN mention_count;
${RECORD_TABLES.map(
  (t) => `CREATE TABLE ${t}_v5 (
  id INTEGER PRIMARY KEY,
${RECORD_COLUMNS}
  UNIQUE (article_id, local_id)
);
INSERT INTO ${t}_v5 (article_id, local_id, actor_id, other_actor_id, issue, date, data)
  SELECT article_id, local_id, actor_id, other_actor_id, issue, date, data FROM ${t} ORDER BY article_id, local_id;
DROP TABLE ${t};
ALTER TABLE ${t}_v5 RENAME TO ${t};
${recordIndexes(t)}`,
).join('\n')}
`,
  },
  {
    version: 6,
    name: 'integer keys',
    // Every key of a row was a random hash (article, event and story ids), so each 500-article batch wrote a page
    // of nearly every index: on a 20,000-article store one commit wrote 37,802 pages of the 190,000 in the file,
    // most of story_bands, event_actors, event_pairs, mentions_event, events_merge and events_date. Now rows are
    // keyed by integer sequence numbers, in the order they are stored: an index that leads with an article or an
    // event grows at its end, and the hash ids stay as one unique column each, for lookups by id.
    //  - LSH bands and signatures are blobs (17 and 512 bytes, not 33 and 1,024 hex digits) in tables of their
    //    own: the near-duplicate search reads small rows, not article rows with their text.
    //  - Merge reasons move into their mention (null for the report that created the event), and event_pairs
    //    goes: a pair's first mention on an event is found on the mentions index (event, source, target).
    //  - events_merge leads with the codes, so it also serves the dyad and source filters (events_dyad goes);
    //    type and date ranges walk events_date (events_type goes); articles_date was never read.
    sql: `
PRAGMA defer_foreign_keys = ON;
CREATE TABLE stories_v6 (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
INSERT INTO stories_v6 (seq, id, created_at) SELECT rowid, id, created_at FROM stories ORDER BY rowid;

CREATE TABLE articles_v6 (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  fingerprint TEXT NOT NULL UNIQUE,
  url_norm TEXT UNIQUE,
  url TEXT,
  title TEXT,
  date TEXT,
  outlet TEXT,
  author TEXT,
  language TEXT,
  origin TEXT,
  story_seq INTEGER NOT NULL REFERENCES stories_v6(seq),
  warnings TEXT NOT NULL,
  added_at TEXT NOT NULL,
  text TEXT
);
INSERT INTO articles_v6 (seq, id, fingerprint, url_norm, url, title, date, outlet, author, language, origin, story_seq,
    warnings, added_at, text)
  SELECT a.rowid, a.id, a.fingerprint, a.url_norm, a.url, a.title, a.date, a.outlet, a.author, a.language, a.origin,
    s.seq, a.warnings, a.added_at, a.text
  FROM articles a JOIN stories_v6 s ON s.id = a.story_id ORDER BY a.rowid;

-- What the near-duplicate search compares, apart from the article rows: its story and MinHash signature.
CREATE TABLE article_signatures (
  article_seq INTEGER PRIMARY KEY REFERENCES articles_v6(seq),
  story_seq INTEGER NOT NULL,
  signature BLOB NOT NULL
);
INSERT INTO article_signatures (article_seq, story_seq, signature)
  SELECT n.seq, n.story_seq, unhex(a.signature) FROM articles a JOIN articles_v6 n ON n.id = a.id
  WHERE a.signature <> '';
-- A band is its index as one byte, then its rows' hash values: '3:0a1b...' becomes x'030a1b...'.
CREATE TABLE story_bands_v6 (
  band BLOB NOT NULL,
  article_seq INTEGER NOT NULL REFERENCES articles_v6(seq),
  PRIMARY KEY (band, article_seq)
) WITHOUT ROWID;
INSERT INTO story_bands_v6 (band, article_seq)
  SELECT unhex(printf('%02x', CAST(substr(b.band, 1, instr(b.band, ':') - 1) AS INTEGER)) || substr(b.band, instr(b.band, ':') + 1)),
    n.seq
  FROM story_bands b JOIN articles_v6 n ON n.id = b.article_id;

CREATE TABLE events_v6 (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  source_actor TEXT NOT NULL REFERENCES actors(id),
  target_actor TEXT REFERENCES actors(id),
  negated INTEGER NOT NULL,
  hypothetical INTEGER NOT NULL,
  date TEXT NOT NULL,
  place_norm TEXT NOT NULL,
  place_name TEXT,
  place_country TEXT,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL
);
INSERT INTO events_v6 (seq, id, type, source_code, target_code, source_actor, target_actor, negated, hypothetical,
    date, place_norm, place_name, place_country, data, created_at)
  SELECT rowid, id, type, source_code, target_code, source_actor, target_actor, negated, hypothetical, date,
    place_norm, place_name, place_country, data, created_at
  FROM events ORDER BY rowid;

CREATE TABLE mentions_v6 (
  seq INTEGER PRIMARY KEY,
  event_seq INTEGER NOT NULL REFERENCES events_v6(seq),
  article_seq INTEGER NOT NULL REFERENCES articles_v6(seq),
  local_event_id TEXT NOT NULL,
  source_actor TEXT NOT NULL,
  target_actor TEXT,
  date TEXT NOT NULL,
  sentence TEXT NOT NULL,
  data TEXT NOT NULL,
  merge_reason TEXT,
  UNIQUE (article_seq, local_event_id)
);
INSERT INTO mentions_v6 (seq, event_seq, article_seq, local_event_id, source_actor, target_actor, date, sentence, data,
    merge_reason)
  SELECT m.id, e.seq, a.seq, m.local_event_id, m.source_actor, m.target_actor, m.date, m.sentence, m.data, r.reason
  FROM mentions m JOIN events_v6 e ON e.id = m.event_id JOIN articles_v6 a ON a.id = m.article_id
  LEFT JOIN merge_reasons r ON r.article_id = m.article_id AND r.local_event_id = m.local_event_id
  ORDER BY m.id;

CREATE TABLE event_issues_v6 (
  event_seq INTEGER NOT NULL REFERENCES events_v6(seq),
  issue TEXT NOT NULL,
  PRIMARY KEY (event_seq, issue)
) WITHOUT ROWID;
INSERT INTO event_issues_v6 (event_seq, issue)
  SELECT e.seq, i.issue FROM event_issues i JOIN events_v6 e ON e.id = i.event_id;

CREATE TABLE event_actors_v6 (
  actor_id TEXT NOT NULL,
  side TEXT NOT NULL,
  event_seq INTEGER NOT NULL,
  PRIMARY KEY (actor_id, side, event_seq)
) WITHOUT ROWID;
INSERT INTO event_actors_v6 (actor_id, side, event_seq)
  SELECT x.actor_id, x.side, e.seq FROM event_actors x JOIN events_v6 e ON e.id = x.event_id;

CREATE TABLE article_actors_v6 (
  article_seq INTEGER NOT NULL REFERENCES articles_v6(seq),
  actor_id TEXT NOT NULL REFERENCES actors(id),
  PRIMARY KEY (article_seq, actor_id)
) WITHOUT ROWID;
INSERT INTO article_actors_v6 (article_seq, actor_id)
  SELECT a.seq, x.actor_id FROM article_actors x JOIN articles_v6 a ON a.id = x.article_id;

${RECORD_TABLES.map(
  (t) => `CREATE TABLE ${t}_v6 (
  seq INTEGER PRIMARY KEY,
  article_seq INTEGER NOT NULL REFERENCES articles_v6(seq),
${RECORD_COLUMNS.split('\n').slice(1).join('\n')}
  UNIQUE (article_seq, local_id)
);
INSERT INTO ${t}_v6 (seq, article_seq, local_id, actor_id, other_actor_id, issue, date, data)
  SELECT r.id, a.seq, r.local_id, r.actor_id, r.other_actor_id, r.issue, r.date, r.data
  FROM ${t} r JOIN articles_v6 a ON a.id = r.article_id ORDER BY r.id;`,
).join('\n')}

DROP TABLE mention_fts;
DROP TABLE merge_reasons;
DROP TABLE event_pairs;
${swapInV6()}

CREATE INDEX articles_story ON articles(story_seq);
CREATE INDEX events_merge ON events(source_code, target_code, type, negated, hypothetical, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_place ON events(place_norm);
CREATE INDEX events_country ON events(place_country);
CREATE INDEX mentions_event ON mentions(event_seq, source_actor, target_actor);
CREATE INDEX event_issues_issue ON event_issues(issue);
${RECORD_TABLES.map(recordIndexes).join('\n')}
CREATE VIRTUAL TABLE mention_fts USING fts5(
  sentence, content='mentions', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2', detail=none
);
INSERT INTO mention_fts(mention_fts) VALUES ('rebuild');
`,
  },
  {
    version: 7,
    name: 'recent bands',
    // New articles' LSH bands go to a small table that a sorted pass empties into story_bands now and then
    // (recentBandsLimit in core/ingest.ts): inserted one by one, random band keys rewrote most of story_bands
    // at every commit. Bands already stored stay where they are.
    sql: `
CREATE TABLE story_bands_recent (
  band BLOB NOT NULL,
  article_seq INTEGER NOT NULL REFERENCES articles(seq),
  PRIMARY KEY (band, article_seq)
) WITHOUT ROWID;
`,
  },
];
