import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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

const SOURCES = sourceFiles(SRC).map((file) => ({ path: relative(SRC, file), text: readFileSync(file, 'utf8') }));

/** Table → the context whose entity declares it (platform's own tables, such as `job`, are platform's). */
const OWNERS = new Map(
  SOURCES.flatMap(({ path, text }) =>
    [...text.matchAll(/@Entity\('(\w+)'\)/g)].map((match) => [match[1]!, path.split('/')[0]!] as const),
  ),
);

/** Tables a file names where SQL names tables: after FROM, JOIN, INTO, UPDATE, or as `insertRows`' table. */
function tablesNamedIn(text: string): string[] {
  const names = [
    ...[...text.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+([a-z_]+)\b/g)].map((match) => match[1]!),
    ...[...text.matchAll(/insertRows\(\s*\w+,\s*'([a-z_]+)'/g)].map((match) => match[1]!),
  ];
  return [...new Set(names)];
}

/** Whether a file runs SQL: hand-written statements, or TypeORM's manager and query builder. */
const runsSql = (text: string): boolean =>
  /\.query(<[^>]*>)?\(|\bdb\.select\b|updateReturning\(|insertRows\(|\b(m|manager|read|transaction)\.(find\w*|count\w*|exist\w*|insert|update|delete|save|upsert|increment|decrement|createQueryBuilder)\(/.test(
    text,
  );

const contextOf = (path: string): string | null => {
  const top = path.split('/')[0]!;
  return CONTEXTS.has(top) ? top : null;
};

describe('dependency rules between contexts (docs/architecture.md)', () => {
  it('finds the contexts and their imports (the rules below are not vacuous)', () => {
    expect([...CONTEXTS].sort()).toEqual([
      'audit',
      'billing',
      'catalog',
      'customers',
      'exports',
      'identity',
      'mail',
      'orders',
      'partner-center',
      'pricing',
      'resellers',
      'staff',
      'subscriptions',
      'support',
      'tenants',
      'terms',
      'webhooks',
    ]);
    expect(IMPORTS.length).toBeGreaterThan(300);
  });

  it('keeps platform/ and db/ free of any context', () => {
    const upward = IMPORTS.filter(({ from, to }) => /^(platform|db)\//.test(from) && contextOf(to));
    expect(upward).toEqual([]);
  });

  it('reaches another context only through its index.ts or its published.ts', () => {
    const reaching = IMPORTS.filter(
      ({ from, to }) =>
        contextOf(from) && contextOf(to) && contextOf(from) !== contextOf(to) && !/\/(index|published)\.ts$/.test(to),
    ).map(({ from, to }) => `${from} -> ${to}`);
    expect(reaching, 'imports into another context’s internals: import its index.ts instead').toEqual([]);
  });

  it('lets no two contexts import each other', () => {
    const edges = new Set(
      IMPORTS.map(({ from, to }) => [contextOf(from), contextOf(to)])
        .filter(([a, b]) => a && b && a !== b)
        .map(([a, b]) => `${a} -> ${b}`),
    );
    const cycles = [...edges]
      .map((edge) => edge.split(' -> ') as [string, string])
      .filter(([a, b]) => a < b && edges.has(`${b} -> ${a}`))
      .map(([a, b]) => `${a} <-> ${b}`);
    expect(cycles).toEqual([]);
  });

  it('keeps published.ts free of imports but the SQL helper: other contexts load it without loading the context', () => {
    const published = IMPORTS.filter(({ from }) => from.endsWith('/published.ts'));
    expect(published.length).toBeGreaterThan(0);
    expect(published.filter(({ to }) => to !== 'db/sql.ts')).toEqual([]);
  });

  it('names a table in SQL only inside the context that owns it; others read its published relations', () => {
    expect(OWNERS.size, 'every entity’s table has an owner').toBeGreaterThanOrEqual(25);
    const strays = SOURCES.flatMap(({ path, text }) => {
      const context = contextOf(path);
      if (!context) return [];
      return tablesNamedIn(text)
        .filter((table) => OWNERS.has(table) && OWNERS.get(table) !== context)
        .map((table) => `${path} names ${table} (${OWNERS.get(table)})`);
    });
    expect(strays).toEqual([]);
  });

  it('runs SQL (hand-written, or TypeORM’s manager and query builder) only in a context’s repository files', () => {
    const running = SOURCES.filter(
      ({ path, text }) =>
        contextOf(path) && !/(\.repository|\.entity|\/published|\/\d{13}-[\w-]+)\.ts$/.test(path) && runsSql(text),
    ).map(({ path }) => path);
    expect(running, 'SQL outside a repository: move it into the context’s <name>.repository.ts').toEqual([]);
    expect(SOURCES.filter(({ path }) => path.endsWith('.repository.ts')).length).toBeGreaterThanOrEqual(12);
    expect(runsSql('await m.findOneBy(CartLineEntity, { id })')).toBe(true);
    expect(runsSql("await this.db.query(ctx, 'SELECT 1')")).toBe(true);
    expect(runsSql('await this.carts.lines(ctx, cart.id, today)')).toBe(false);
  });

  it('reads packed rows through row specs, never by position', () => {
    const positional = /\]\s*=\s*unpack\(|unpack\([^)]*\)\s*as\s*\[|\bv\[\w+( \+ \d+)?\]/;
    expect(
      SOURCES.filter(({ path, text }) => contextOf(path) && positional.test(text)).map(({ path }) => path),
    ).toEqual([]);
    expect(positional.test('const [a, b] = unpack(row) as [string, number];')).toBe(true);
    expect(positional.test('String(v[NAMES_AT + 1])')).toBe(true);
    expect(positional.test('readPacked(ORDER_ROW, unpack(row), 0, {})')).toBe(false);
  });

  it('finds table names in the SQL shapes the product writes (the rule above is not vacuous)', () => {
    expect(
      tablesNamedIn(
        "`SELECT a FROM customer c JOIN reseller r ON x LEFT JOIN ${X} t` 'UPDATE cart SET' 'INSERT INTO audit_entry (a)' insertRows(m, 'order_line', [])",
      ).sort(),
    ).toEqual(['audit_entry', 'cart', 'customer', 'order_line', 'reseller']);
    expect(tablesNamedIn('// The reseller, from the customer list: updates follow')).toEqual([]);
  });
});
