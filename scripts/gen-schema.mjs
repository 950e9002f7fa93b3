// Generates schema/parley.schema.json from src/types.ts, so the JSON Schema
// can never drift from the TypeScript types. Run by `npm run schema`; a test
// checks that the committed file is current.
import { writeFileSync } from 'node:fs';
import { createGenerator } from 'ts-json-schema-generator';

export function generateSchema() {
  const generator = createGenerator({
    path: 'src/types.ts',
    tsconfig: 'tsconfig.json',
    type: '*',
    expose: 'export',
    topRef: true,
    skipTypeCheck: true,
  });
  const schema = generator.createSchema('*');
  // Types built with utility types (Omit<Article, 'text'>) are left out of '*'; add the roots explicitly.
  for (const root of ['Article', 'Extraction'])
    Object.assign(schema.definitions, generator.createSchema(root).definitions);
  schema.$id = 'https://parley.invalid/schema/parley.schema.json';
  schema.title = 'Parley extraction output';
  schema.description =
    'Generated from src/types.ts by scripts/gen-schema.mjs. The root object of `parley extract` is `Extraction`.';
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync('schema/parley.schema.json', generateSchema());
  console.log('wrote schema/parley.schema.json');
}
