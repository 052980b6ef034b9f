import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/** The largest GraphQL request body accepted (a larger one is answered 413). */
export const GRAPHQL_BODY_LIMIT = 1024 * 1024;

/** Why a request body was not taken, in body-parser's words, so both HTTP paths answer alike. */
export type BodyProblem = { status: 413; type: 'entity.too.large' } | { status: 400; type: 'entity.parse.failed' };

/**
 * The request the direct path serves: a JSON POST to /graphql, which is nearly every request the SPA and
 * integrations send. Anything else (another content type or encoding, a preflight) goes through Express.
 */
export function isJsonGraphQLPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.headers['content-encoding']) return false;
  if (req.url !== '/graphql' && !req.url?.startsWith('/graphql?')) return false;
  const type = req.headers['content-type'];
  return (
    type === 'application/json' || (type !== undefined && /^application\/json\s*;\s*charset=("?)utf-8\1$/i.test(type))
  );
}

/** Reads a JSON body up to `limit` bytes, as body-parser's strict JSON parser would take it. */
export function readJsonBody(
  req: IncomingMessage,
  limit: number,
): Promise<{ body: unknown } | { problem: BodyProblem }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the client can read the answer.
      if (size <= limit) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > limit) return resolve({ problem: { status: 413, type: 'entity.too.large' } });
      const text = Buffer.concat(chunks, size).toString('utf8');
      if (text.trim() === '') return resolve({ body: {} });
      const first = /^[\s\uFEFF]*(.)/.exec(text)?.[1];
      if (first !== '{' && first !== '[') return resolve({ problem: { status: 400, type: 'entity.parse.failed' } });
      try {
        resolve({ body: JSON.parse(text) });
      } catch {
        resolve({ problem: { status: 400, type: 'entity.parse.failed' } });
      }
    });
  });
}

/**
 * Serves a JSON POST to /graphql straight from Node's HTTP server into Apollo, without Express's router,
 * body-parser and `res.send` (ETag hashing): those cost ~9% of the API's CPU under the Buy benchmark.
 * What Express's path adds around Apollo (CORS, request id and log line, error shapes) the caller applies
 * to both paths alike.
 */
export async function serveGraphQLPost<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  context: () => Promise<TContext>,
  answerProblem: (problem: BodyProblem) => void,
): Promise<void> {
  const read = await readJsonBody(req, GRAPHQL_BODY_LIMIT);
  if ('problem' in read) return answerProblem(read.problem);
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const query = req.url!.indexOf('?');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: query < 0 ? '' : req.url!.slice(query), body: read.body },
    context,
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
