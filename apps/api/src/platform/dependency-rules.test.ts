import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KNOWN_CONTEXT_CYCLES, KNOWN_CROSS_CONTEXT_IMPORTS } from './known-cross-context-imports.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** The contexts: folders of src/ with a module index.ts. */
const CONTEXTS = new Set(
  readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory() && existsSync(join(SRC, name, 'index.ts'))),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test-support' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every relative import and re-export of the product's source: importer → imported, paths from src/ (.ts). */
const IMPORTS = sourceFiles(SRC).flatMap((file) => {
  const from = relative(SRC, file);
  return [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'/gm)].map((match) => ({
    from,
    to: normalize(join(dirname(from), match[1]!)).replace(/\.js$/, '.ts'),
  }));
});

const contextOf = (path: string): string | null => {
  const top = path.split('/')[0]!;
  return CONTEXTS.has(top) ? top : null;
};

describe('dependency rules between contexts (docs/architecture.md)', () => {
  it('finds the contexts and their imports (the rules below are not vacuous)', () => {
    expect([...CONTEXTS].sort()).toEqual([
      'audit',
      'catalog',
      'customers',
      'identity',
      'mail',
      'orders',
      'partner-center',
      'resellers',
      'staff',
      'support',
      'tenants',
      'terms',
    ]);
    expect(IMPORTS.length).toBeGreaterThan(300);
  });

  it('keeps platform/ and db/ free of any context', () => {
    const upward = IMPORTS.filter(({ from, to }) => /^(platform|db)\//.test(from) && contextOf(to));
    expect(upward).toEqual([]);
  });

  it('reaches another context only through its index.ts, apart from the recorded imports, which only go away', () => {
    const reaching = IMPORTS.filter(
      ({ from, to }) =>
        contextOf(from) && contextOf(to) && contextOf(from) !== contextOf(to) && !to.endsWith('/index.ts'),
    ).map(({ from, to }) => `${from} -> ${to}`);
    const known = new Set(KNOWN_CROSS_CONTEXT_IMPORTS);
    expect(
      reaching.filter((pair) => !known.has(pair)),
      'new imports into another context’s internals: import its index.ts instead',
    ).toEqual([]);
    expect(
      KNOWN_CROSS_CONTEXT_IMPORTS.filter((pair) => !reaching.includes(pair)),
      'recorded imports that are gone: delete them from known-cross-context-imports.ts',
    ).toEqual([]);
  });

  it('lets no two contexts import each other, beyond the recorded pair', () => {
    const edges = new Set(
      IMPORTS.map(({ from, to }) => [contextOf(from), contextOf(to)])
        .filter(([a, b]) => a && b && a !== b)
        .map(([a, b]) => `${a} -> ${b}`),
    );
    const cycles = [...edges]
      .map((edge) => edge.split(' -> ') as [string, string])
      .filter(([a, b]) => a < b && edges.has(`${b} -> ${a}`))
      .map(([a, b]) => `${a} <-> ${b}`);
    expect(cycles.sort()).toEqual([...KNOWN_CONTEXT_CYCLES].sort());
  });
});
