import { describe, expect, it } from 'vitest';
import { SEND_MAIL_JOB } from '../../mail/mail.service.js';
import { eventually, startApiProcess, type ApiProcess } from '../../test-support/api-process.js';
import { startSmtpSink } from '../../test-support/smtp-sink.js';
import { createTestApp, processEnv, TEST_DATABASE_URL } from '../../test-support/test-app.js';
import { systemContext } from '../request-context.js';
import { JobEntity } from './job.entity.js';

const JOBS = 150;

// Several replicas share one queue only on PostgreSQL; SQLite is one process's embedded database.
describe.skipIf(!TEST_DATABASE_URL)('two API processes on one PostgreSQL database', () => {
  it('share the queue: every job runs exactly once, and both take part', async () => {
    const t = await createTestApp();
    const smtp = await startSmtpSink();
    const apis: ApiProcess[] = [];
    try {
      const env = processEnv(t, { SMTP_URL: smtp.url });
      apis.push(...(await Promise.all([startApiProcess(env), startApiProcess(env)])));

      // Queued while both workers poll: each delivery goes to the SMTP server, so a job run twice would show twice
      // there.
      await t.app.db.transaction(systemContext(t.clock, 'test'), async (tx) => {
        for (let i = 0; i < JOBS; i += 1)
          await t.app.mail.enqueue(
            tx,
            { to: `customer${i}@example.com`, subject: `message ${i}`, body: `body ${i}` },
            `two-processes-${i}`,
          );
      });
      const jobs = () => t.app.db.read.findBy(JobEntity, { kind: SEND_MAIL_JOB });
      await eventually(
        async () => (await jobs()).every((j) => j.status === 'DONE'),
        60_000,
        () => `jobs not all done; API output:\n${apis.map((a) => a.output()).join('\n---\n')}`,
      );

      const done = await jobs();
      expect(done).toHaveLength(JOBS);
      expect(done.every((j) => j.attempts === 1)).toBe(true);
      expect(new Set(done.map((j) => j.lockedBy)).size).toBe(2);
      const subjects = smtp.received.map((mail) => /^Subject: (.*)$/m.exec(mail.raw)?.[1]?.trim());
      expect(subjects).toHaveLength(JOBS);
      expect(new Set(subjects).size).toBe(JOBS);
    } finally {
      await Promise.all(apis.map((api) => api.stop()));
      await smtp.stop();
      await t.close();
    }
  }, 120_000);
});
