import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { runStoreConformance } from '../conformance.js';

const url = process.env.PARLEY_PG_URL;

/** A URL whose connections see only `schema`: each test gets an empty database without CREATE DATABASE. */
function withSchema(base: string, schema: string): string {
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

if (url) {
  runStoreConformance('postgres', {
    freshDatabase: async () => {
      const schema = `parley_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      return {
        url: withSchema(url, schema),
        drop: async () => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(`DROP SCHEMA ${schema} CASCADE`);
          await client.end();
        },
      };
    },
    concurrentWriters: true,
  });
} else if (process.env.CI) {
  describe('Store conformance: postgres', () => {
    it('needs PostgreSQL in CI', () => {
      throw new Error(
        'PARLEY_PG_URL is not set: in CI the PostgreSQL suite must run (wrap the test command in scripts/pg-test.sh)',
      );
    });
  });
} else {
  describe('Store conformance: postgres', () => {
    it.skip('skipped: PARLEY_PG_URL is not set (run `bash scripts/pg-test.sh npx vitest run src/store` to include it)', () => {});
  });
}
