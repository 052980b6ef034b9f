import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

describe('GroupCommit (SQLite transactions committed in groups)', () => {
  let dir: string;
  let writer: DataSource;
  let reader: DataSource;
  let writes: GroupCommit;
  let commits: number;

  const open = async (file: string) => {
    const source = new DataSource({ type: 'better-sqlite3', database: file, entities: [] });
    await source.initialize();
    await source.query('PRAGMA journal_mode = WAL');
    return source;
  };
  const insert = (m: EntityManager, id: string, parent: string | null = null) =>
    m.query('INSERT INTO item (id, parent) VALUES (?, ?)', [id, parent]);
  /** What another connection sees: committed rows only. */
  const committed = async () =>
    ((await reader.query('SELECT id FROM item ORDER BY id')) as { id: string }[]).map((r) => r.id);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nce-group-commit-'));
    const file = join(dir, 'db.sqlite');
    writer = await open(file);
    // A deferred foreign key is checked at COMMIT: the one way to make a commit itself fail on demand.
    await writer.query(
      'CREATE TABLE item (id TEXT PRIMARY KEY, parent TEXT REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED)',
    );
    reader = await open(file);
    writes = new GroupCommit(writer);
    commits = 0;
    const runner = writer.createQueryRunner();
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, ...rest: unknown[]) => {
      if (sql === 'COMMIT') commits += 1;
      return (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
    }) as typeof runner.query;
  });
  afterEach(async () => {
    await writes.flush();
    await reader.destroy();
    await writer.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits transactions started together once, and answers each only after that commit', async () => {
    const seenAtAnswer: string[][] = [];
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((id) =>
        writes.run((m) => insert(m, id)).then(async () => seenAtAnswer.push(await committed())),
      ),
    );
    expect(commits).toBe(1);
    for (const seen of seenAtAnswer) expect(seen).toEqual(['a', 'b', 'c', 'd']);
  });

  it('commits a transaction started after the group committed in a group of its own', async () => {
    await writes.run((m) => insert(m, 'a'));
    await writes.run((m) => insert(m, 'b'));
    expect(commits).toBe(2);
    expect(await committed()).toEqual(['a', 'b']);
  });

  it('keeps a group’s writes from other connections until it commits', async () => {
    let seenBeforeCommit: string[] | null = null;
    const first = writes.run(async (m) => {
      await insert(m, 'a');
      return 'first';
    });
    const second = writes.run(async (m) => {
      // The first member's row is visible inside the group, not outside it.
      expect(await m.query('SELECT id FROM item')).toEqual([{ id: 'a' }]);
      seenBeforeCommit = await committed();
      await insert(m, 'b');
      return 'second';
    });
    expect(await Promise.all([first, second])).toEqual(['first', 'second']);
    expect(seenBeforeCommit).toEqual([]);
    expect(await committed()).toEqual(['a', 'b']);
  });

  it('rolls back a failing member only: the others in its group commit', async () => {
    const results = await Promise.allSettled([
      writes.run((m) => insert(m, 'a')),
      writes.run(async (m) => {
        await insert(m, 'b');
        throw new Error('refused');
      }),
      writes.run((m) => insert(m, 'c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('refused'));
    expect(await committed()).toEqual(['a', 'c']);
  });

  it('rolls back a failing first member and commits those after it', async () => {
    const results = await Promise.allSettled([
      writes.run(async (m) => {
        await insert(m, 'a');
        throw new Error('refused');
      }),
      writes.run((m) => insert(m, 'b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(await committed()).toEqual(['b']);
  });

  it('fails every member when the commit fails, writes nothing, and commits the next transaction', async () => {
    const results = await Promise.allSettled([
      writes.run((m) => insert(m, 'a')),
      // Names a parent nobody writes: the deferred check fails the group's COMMIT.
      writes.run((m) => insert(m, 'b', 'missing')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(await committed()).toEqual([]);
    await writes.run((m) => insert(m, 'c'));
    expect(await committed()).toEqual(['c']);
  });

  it('fails the members before one after which SQLite ended the transaction itself, and goes on', async () => {
    const results = await Promise.allSettled([
      writes.run((m) => insert(m, 'a')),
      writes.run(async (m) => {
        await insert(m, 'b');
        // What SQLite does on a full disk or an I/O error: the whole transaction rolled back, not a savepoint.
        await m.query('ROLLBACK');
        throw new Error('disk full');
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toEqual(new Error('disk full'));
    expect(await committed()).toEqual([]);
    await Promise.all([writes.run((m) => insert(m, 'c')), writes.run((m) => insert(m, 'd'))]);
    expect(await committed()).toEqual(['c', 'd']);
  });

  it('commits a group at 64 members without waiting for the event loop', async () => {
    await Promise.all(Array.from({ length: 130 }, (_, i) => writes.run((m) => insert(m, `i${i}`.padStart(5, '0')))));
    expect(commits).toBe(3);
    expect(await committed()).toHaveLength(130);
  });

  it('commits the open group on flush, before the connection closes', async () => {
    const pending = writes.run((m) => insert(m, 'a'));
    await writes.flush();
    expect(await committed()).toEqual(['a']);
    await pending;
  });
});
