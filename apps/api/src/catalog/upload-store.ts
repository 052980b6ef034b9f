import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class UploadTooLargeError extends Error {}

/** Uploaded files wait on disk (not in memory) until an operation consumes them. */
export class UploadStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'uploads');
  }

  async save(body: Readable, maxBytes: number): Promise<{ uploadId: string; bytes: number }> {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const uploadId = randomUUID();
    let bytes = 0;
    const file = this.path(uploadId);
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) body.destroy(new UploadTooLargeError(`the upload exceeds ${maxBytes} bytes`));
    });
    try {
      await pipeline(body, createWriteStream(file, { mode: 0o600 }));
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
    return { uploadId, bytes };
  }

  /**
   * Takes an upload for one operation: the file is renamed out of the waiting ones, atomically, so two
   * requests naming the same upload cannot both consume it. Null when it is not (or no longer) waiting.
   */
  async take(uploadId: string): Promise<{ open(): Readable; remove(): Promise<void>; putBack(): Promise<void> } | null> {
    if (!/^[0-9a-f-]{36}$/.test(uploadId)) return null;
    const taken = `${this.path(uploadId)}.taken`;
    try {
      await rename(this.path(uploadId), taken);
    } catch {
      return null;
    }
    return { open: () => createReadStream(taken), remove: () => rm(taken, { force: true }), putBack: () => rename(taken, this.path(uploadId)) };
  }

  private path(uploadId: string): string {
    return join(this.dir, `${uploadId}.upload`);
  }
}
