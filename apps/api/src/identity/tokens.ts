import { createHash, randomBytes } from 'node:crypto';

/** A secret for a cookie or a link: 256 random bits, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a token: its SHA-256, so a leaked table opens no session. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
