import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { Mutex } from '../platform/mutex.js';
import { sqliteConnection } from './sqlite-statements.js';

/** A group's largest size: past it the group commits at once (a loop of writes in one tick stays bounded). */
const MOST_MEMBERS = 64;

interface Group {
  members: number;
  committed: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * SQLite's transactions, one writer at a time, committed in groups. A transaction that starts while another's commit
 * is pending joins it: it runs inside the same SQLite transaction under a savepoint of its own (its failure rolls back
 * its own work only), and the group commits once, when the event loop has run what was ready to run. Every member's
 * promise settles after that commit: nothing is answered before it is on disk in the log, and a failed commit fails
 * every member. A COMMIT writes each page the transaction changed to the write-ahead log; the orders of one Buy burst
 * share pages (a table's last leaf, an index's newest entries), and committed one by one each rewrote them
 * (bench/README.md: ~128 log pages an order; Buy about twice as fast with groups). The price: a member is answered
 * when the last member of its group is done, a few transactions later; none waits on the network (one writer
 * never could). Works on better-sqlite3's one query runner a connection: BEGIN at depth 0, savepoints above.
 */
export class GroupCommit {
  private readonly lock = new Mutex();
  private group: Group | null = null;

  constructor(private readonly source: DataSource) {}

  /** Runs `work` in a transaction (alone or in a group); settles once it is committed or rolled back. */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const { result, group } = await this.lock.run(() => this.member(work));
    await group.committed;
    return result;
  }

  /** Waits for whatever is pending, and commits an open group (before the connection closes). */
  async flush(): Promise<void> {
    await this.lock.run(() => this.commit());
  }

  /** Runs `work` holding the writer, with no group open (migrations). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      await this.commit();
      return work();
    });
  }

  private async member<T>(work: (manager: EntityManager) => Promise<T>): Promise<{ result: T; group: Group }> {
    const runner = this.source.createQueryRunner();
    const first = this.group === null;
    const group = this.group ?? (await this.open(runner));
    group.members += 1;
    if (!first) await runner.startTransaction();
    try {
      const result = await work(runner.manager);
      if (!first) await runner.commitTransaction();
      if (group.members >= MOST_MEMBERS) await this.commit();
      return { result, group };
    } catch (error) {
      await runner.rollbackTransaction().catch(() => {});
      this.forget(runner);
      // The first member's rollback ended the SQLite transaction: the group is gone, and nobody else was in it.
      if (first) this.close(group, null);
      // SQLite rolled the whole transaction back itself (a full disk, an I/O error): the members before are lost.
      else if (!this.connection.inTransaction) this.close(group, error);
      throw error;
    }
  }

  private async open(runner: QueryRunner): Promise<Group> {
    await runner.startTransaction();
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const committed = new Promise<void>((yes, no) => ((resolve = yes), (reject = no)));
    // A failed commit is reported to each member through `run`; this keeps it from being "unhandled" meanwhile.
    committed.catch(() => {});
    const group: Group = { members: 0, committed, resolve, reject };
    this.group = group;
    // After the event loop has run what was ready (other requests' transactions join meanwhile), under the lock.
    setImmediate(() => void this.lock.run(() => (this.group === group ? this.commit() : Promise.resolve())));
    return group;
  }

  private async commit(): Promise<void> {
    const group = this.group;
    if (!group) return;
    const runner = this.source.createQueryRunner();
    try {
      await runner.commitTransaction();
      this.close(group, null);
    } catch (error) {
      if (this.connection.inTransaction) await runner.rollbackTransaction().catch(() => {});
      this.forget(runner);
      this.close(group, error);
    }
  }

  /** better-sqlite3's connection, which knows whether SQLite has a transaction open. */
  private get connection(): { inTransaction: boolean } {
    return sqliteConnection(this.source)!;
  }

  /** Where SQLite has no transaction open any more, the query runner is told so (it counts savepoints). */
  private forget(runner: QueryRunner): void {
    if (this.connection.inTransaction) return;
    const state = runner as unknown as { transactionDepth: number; isTransactionActive: boolean };
    state.transactionDepth = 0;
    state.isTransactionActive = false;
  }

  private close(group: Group, error: unknown): void {
    if (this.group === group) this.group = null;
    if (error) group.reject(error);
    else group.resolve();
  }
}
