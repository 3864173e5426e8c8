// The UI's API types come from the server's OpenAPI document, never from a hand-written mirror:
// this script turns src/api/openapi.json (what `forno openapi` prints; scripts/api-types.sh
// refreshes it) into src/api/schema.d.ts. With --check (part of `npm run lint`) it writes
// nothing and fails when the committed schema.d.ts is not what the document gives.
import { readFile, writeFile } from 'node:fs/promises';
import process from 'node:process';
import { URL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const folder = new URL('../src/api/', import.meta.url);
const documentFile = new URL('openapi.json', folder);
const typesFile = new URL('schema.d.ts', folder);

const header =
  '// Generated from src/api/openapi.json by ui/scripts/api-types.js. Do not edit: after changing\n' +
  '// the API run scripts/api-types.sh (it asks the server for its document and writes this).\n\n';

const document = JSON.parse(await readFile(documentFile, 'utf8'));
const generated = header + astToString(await openapiTS(document, { alphabetize: true }));

if (process.argv.includes('--check')) {
  const committed = await readFile(typesFile, 'utf8').catch(() => '');
  if (committed !== generated) {
    process.stderr.write(
      'ui/src/api/schema.d.ts is not what ui/src/api/openapi.json gives: run scripts/api-types.sh and commit both.\n',
    );
    process.exit(1);
  }
} else {
  await writeFile(typesFile, generated);
}
