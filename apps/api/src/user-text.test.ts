import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SOURCES = ['packages/domain/src', 'apps/api/src', 'apps/admin/src'];

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'gql' && name !== 'node_modules') yield* sourceFiles(path);
    } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield path;
  }
}

/** String literals of a line that is not a comment and not a GraphQL schema description (read by developers). */
const userStrings = (line: string): string[] => {
  const trimmed = line.trim();
  if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*') || line.includes('description:'))
    return [];
  return line.match(/'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"/g) ?? [];
};

describe('text a user reads', () => {
  it('cites no rule number (R1–R25): those belong in comments and tests', () => {
    const found: string[] = [];
    for (const dir of SOURCES) {
      for (const file of sourceFiles(join(ROOT, dir))) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            for (const text of userStrings(line))
              if (/\(R\d{1,2}\b/.test(text)) found.push(`${file.slice(ROOT.length)}:${i + 1}: ${text.slice(0, 80)}`);
          });
      }
    }
    expect(found).toEqual([]);
  });
});
