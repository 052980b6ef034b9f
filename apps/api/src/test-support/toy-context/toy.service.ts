import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { ToyEntity } from './toy.entity.js';

export const PAINT_TOY_JOB = 'toy.paint';

export class ToyService {
  constructor(
    private readonly db: Database,
    private readonly jobs: JobQueue,
  ) {
    jobs.register(PAINT_TOY_JOB, (payload) => this.paint(String(payload.toyId)));
  }

  list(): Promise<ToyEntity[]> {
    return this.db.read.find(ToyEntity, { order: { name: 'ASC' } });
  }

  /** A new toy, and a job to paint it. */
  add(name: string): Promise<ToyEntity> {
    return this.db.transaction(async (m) => {
      const toy = await m.save(m.create(ToyEntity, { id: randomUUID(), name, painted: false }));
      await this.jobs.enqueue(m, PAINT_TOY_JOB, { toyId: toy.id });
      return toy;
    });
  }

  private async paint(toyId: string): Promise<void> {
    await this.db.transaction((m) => m.update(ToyEntity, toyId, { painted: true }));
  }
}
