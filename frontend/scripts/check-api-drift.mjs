// Fails when src/lib/api/schema.d.ts is not what openapi-typescript makes of ../openapi/openapi.json today.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fresh = join(mkdtempSync(join(tmpdir(), 'schema-')), 'schema.d.ts');
execFileSync('node_modules/.bin/openapi-typescript', ['../openapi/openapi.json', '-o', fresh], { stdio: 'ignore' });
if (readFileSync(fresh, 'utf8') !== readFileSync('src/lib/api/schema.d.ts', 'utf8')) {
  console.error('src/lib/api/schema.d.ts is out of date with openapi/openapi.json: run `npm run api:generate`.');
  process.exit(1);
}
console.log('src/lib/api/schema.d.ts matches openapi/openapi.json');
