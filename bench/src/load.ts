import autocannon from 'autocannon';

export interface Measured {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

export interface HttpLoad {
  url: string;
  cookie: string;
  /** A body for each request; called per request so bodies can vary. */
  body: (n: number) => string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

async function run(load: HttpLoad, seconds: number): Promise<Measured> {
  let n = 0;
  const result = await autocannon({
    url: load.url,
    connections: load.connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: load.cookie },
        setupRequest: (request) => ({ ...request, body: load.body(n++) }),
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Warm-up first (not counted), then the measured run. */
export async function measure(load: HttpLoad): Promise<Measured> {
  if (load.warmupSeconds > 0) await run(load, load.warmupSeconds);
  return run(load, load.seconds);
}

/** One request, answered as JSON; throws on an HTTP error or a GraphQL error. */
export async function post(url: string, cookie: string, body: string): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
  const json = (await response.json()) as { errors?: unknown[] };
  if (!response.ok || json.errors) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(json).slice(0, 500)}`);
  return json;
}
