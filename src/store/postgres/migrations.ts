/**
 * PostgreSQL schema: the SQLite migrations' tables and columns in the
 * PostgreSQL dialect, applied in order and recorded in `schema_migrations`.
 * Text columns use the "C" collation so ISO dates and ids sort bytewise,
 * exactly as in SQLite, whatever the database's locale.
 */
import { type Migration, V3_TOTALS } from '../sqlite/migrations.js';

const T = 'TEXT COLLATE "C"';

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE stories (
  id ${T} PRIMARY KEY,
  created_at ${T} NOT NULL
);

CREATE TABLE articles (
  id ${T} PRIMARY KEY,
  fingerprint ${T} NOT NULL UNIQUE,
  url_norm ${T} UNIQUE,
  url ${T},
  title ${T},
  date ${T},
  outlet ${T},
  author ${T},
  language ${T},
  origin ${T},
  story_id ${T} NOT NULL REFERENCES stories(id),
  signature ${T} NOT NULL,
  warnings ${T} NOT NULL,
  added_at ${T} NOT NULL
);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_date ON articles(date);

CREATE TABLE story_bands (
  band ${T} NOT NULL,
  article_id ${T} NOT NULL REFERENCES articles(id),
  story_id ${T} NOT NULL,
  PRIMARY KEY (band, article_id)
);

CREATE TABLE actors (
  id ${T} PRIMARY KEY,
  name ${T} NOT NULL,
  code ${T} NOT NULL,
  kind ${T} NOT NULL,
  sector ${T},
  kb_id ${T},
  articles INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_code ON actors(code, articles);
CREATE INDEX actors_articles ON actors(articles, id);

CREATE TABLE actor_aliases (
  seq BIGSERIAL PRIMARY KEY,
  actor_id ${T} NOT NULL REFERENCES actors(id),
  alias ${T} NOT NULL,
  alias_norm ${T} NOT NULL,
  UNIQUE (actor_id, alias_norm)
);
CREATE INDEX actor_aliases_norm ON actor_aliases(alias_norm);

CREATE TABLE actor_roles (
  seq BIGSERIAL PRIMARY KEY,
  actor_id ${T} NOT NULL REFERENCES actors(id),
  role ${T} NOT NULL,
  UNIQUE (actor_id, role)
);

CREATE TABLE article_actors (
  article_id ${T} NOT NULL REFERENCES articles(id),
  actor_id ${T} NOT NULL REFERENCES actors(id),
  PRIMARY KEY (article_id, actor_id)
);
CREATE INDEX article_actors_actor ON article_actors(actor_id);

CREATE TABLE events (
  id ${T} PRIMARY KEY,
  type ${T} NOT NULL,
  source_code ${T} NOT NULL,
  target_code ${T} NOT NULL,
  source_actor ${T} NOT NULL REFERENCES actors(id),
  target_actor ${T} REFERENCES actors(id),
  negated INTEGER NOT NULL,
  hypothetical INTEGER NOT NULL,
  date ${T} NOT NULL,
  place_norm ${T} NOT NULL,
  place_name ${T},
  place_country ${T},
  data ${T} NOT NULL,
  mention_count INTEGER NOT NULL,
  created_at ${T} NOT NULL
);
CREATE INDEX events_merge ON events(type, source_code, target_code, negated, hypothetical, date);
CREATE INDEX events_date ON events(date, id);
CREATE INDEX events_source ON events(source_code, date);
CREATE INDEX events_target ON events(target_code, date);
CREATE INDEX events_type ON events(type, date);
CREATE INDEX events_place ON events(place_norm);
CREATE INDEX events_country ON events(place_country);

CREATE TABLE mentions (
  id BIGSERIAL PRIMARY KEY,
  event_id ${T} NOT NULL REFERENCES events(id),
  article_id ${T} NOT NULL REFERENCES articles(id),
  local_event_id ${T} NOT NULL,
  source_actor ${T} NOT NULL,
  target_actor ${T},
  date ${T} NOT NULL,
  sentence ${T} NOT NULL,
  data ${T} NOT NULL,
  UNIQUE (article_id, local_event_id)
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_source ON mentions(source_actor);
CREATE INDEX mentions_target ON mentions(target_actor);
CREATE INDEX mentions_fts ON mentions USING GIN (to_tsvector('english', sentence));

CREATE TABLE merge_reasons (
  event_id ${T} NOT NULL REFERENCES events(id),
  article_id ${T} NOT NULL,
  local_event_id ${T} NOT NULL,
  reason ${T} NOT NULL,
  PRIMARY KEY (article_id, local_event_id)
);
CREATE INDEX merge_reasons_event ON merge_reasons(event_id);

CREATE TABLE event_issues (
  event_id ${T} NOT NULL REFERENCES events(id),
  issue ${T} NOT NULL,
  PRIMARY KEY (event_id, issue)
);
CREATE INDEX event_issues_issue ON event_issues(issue);

${['statements', 'commitments', 'stances']
  .map(
    (t) => `CREATE TABLE ${t} (
  article_id ${T} NOT NULL REFERENCES articles(id),
  local_id ${T} NOT NULL,
  actor_id ${T},
  other_actor_id ${T},
  issue ${T},
  date ${T},
  data ${T} NOT NULL,
  PRIMARY KEY (article_id, local_id)
);
CREATE INDEX ${t}_actor ON ${t}(actor_id);
CREATE INDEX ${t}_issue ON ${t}(issue);`,
  )
  .join('\n')}
`,
  },
  {
    version: 2,
    name: 'article text',
    // Nullable: articles stored under version 1 kept no text, and there is none to backfill them with.
    sql: `ALTER TABLE articles ADD COLUMN text ${T};`,
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
  actor_id ${T} NOT NULL,
  side ${T} NOT NULL,
  event_id ${T} NOT NULL,
  PRIMARY KEY (actor_id, side, event_id)
);
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
  actor_a ${T} NOT NULL,
  actor_b ${T} NOT NULL,
  event_id ${T} NOT NULL,
  PRIMARY KEY (actor_a, actor_b, event_id)
);
INSERT INTO event_pairs (actor_a, actor_b, event_id)
  SELECT DISTINCT LEAST(source_actor, target_actor), GREATEST(source_actor, target_actor), event_id FROM mentions
  WHERE target_actor IS NOT NULL AND target_actor <> source_actor;
CREATE TABLE actor_partners (
  actor_id ${T} NOT NULL,
  partner_id ${T} NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (actor_id, partner_id)
);
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

CREATE TABLE counts (
  kind ${T} NOT NULL,
  k1 ${T} NOT NULL,
  k2 ${T} NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (kind, k1, k2)
);
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
    // SQLite's version 4 drops its per-row full-text trigger; the GIN expression index here keeps itself.
    sql: 'SELECT 1;',
  },
  {
    version: 5,
    name: 'fewer pages per batch',
    // SQLite's version 5 also rebuilds the record tables, which PostgreSQL's heap tables already append to.
    // mention_count was never read, and counting merges rewrote an events row for each.
    sql: 'ALTER TABLE events DROP COLUMN mention_count;',
  },
];
