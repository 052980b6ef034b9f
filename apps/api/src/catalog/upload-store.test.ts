import { existsSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UPLOAD_MAX_AGE_MS, UploadStore } from './upload-store.js';

describe('uploaded files on disk', () => {
  let dir: string;
  let store: UploadStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nce-uploads-'));
    store = new UploadStore(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const upload = async (text: string) => (await store.save(Readable.from([Buffer.from(text)]), 1_000_000)).uploadId;
  /** File times are the kernel's, not this process's clock (which a test or faketime may move): read one. */
  const fileSystemNow = () => {
    writeFileSync(join(dir, 'now'), '');
    return statSync(join(dir, 'now')).mtimeMs;
  };
  const age = (uploadId: string, ms: number) => {
    const then = new Date(fileSystemNow() - ms);
    utimesSync(join(dir, 'uploads', `${uploadId}.upload`), then, then);
  };

  it('reports the files and bytes waiting or taken', async () => {
    expect(await store.usage()).toEqual({ files: 0, bytes: 0 });
    await upload('a'.repeat(100));
    const taken = await upload('b'.repeat(50));
    await store.take(taken);
    expect(await store.usage()).toEqual({ files: 2, bytes: 150 });
  });

  it('removes an upload left unimported past the age limit, and keeps a fresh one', async () => {
    const old = await upload('old');
    const fresh = await upload('fresh');
    age(old, UPLOAD_MAX_AGE_MS + 60_000);
    expect(await store.sweep()).toEqual({ files: 1, bytes: 3 });
    expect(await store.take(old)).toBeNull();
    expect(await store.take(fresh)).not.toBeNull();
  });

  it('measures a taken upload from when it was taken (a live import keeps it), and removes it once a dead import left it long enough', async () => {
    const id = await upload('taken by an import that died');
    age(id, UPLOAD_MAX_AGE_MS + 60_000); // uploaded long ago, taken just now
    await store.take(id);
    expect(await store.sweep()).toEqual({ files: 0, bytes: 0 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await store.sweep(10)).toEqual({ files: 1, bytes: 28 });
    expect(await store.usage()).toEqual({ files: 0, bytes: 0 });
  });

  it('leaves files that are not uploads alone', async () => {
    writeFileSync(join(dir, 'keep.txt'), 'x');
    const id = await upload('x');
    age(id, UPLOAD_MAX_AGE_MS * 2);
    await store.sweep();
    expect(existsSync(join(dir, 'keep.txt'))).toBe(true);
  });
});
