import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without types
import { generateSchema } from '../scripts/gen-schema.mjs';
import { createExtractor } from './extract/index.js';

const committed = readFileSync(new URL('../schema/parley.schema.json', import.meta.url), 'utf8');

describe('JSON Schema of the output', () => {
  it('is the one generated from src/types.ts (run `npm run schema` after changing the types)', () => {
    expect(generateSchema()).toBe(committed);
  });

  it('validates what `parley extract` produces for a news article', () => {
    const schema = JSON.parse(committed);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile({ ...schema, $ref: '#/definitions/Extraction' });
    const text = readFileSync(new URL('./extract/testing/article.txt', import.meta.url), 'utf8');
    const extraction = createExtractor().extract({ text, date: '2025-12-02' });
    expect(extraction.events.length).toBeGreaterThan(5);
    const valid = validate(JSON.parse(JSON.stringify(extraction)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});
