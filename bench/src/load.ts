import autocannon from 'autocannon';
import { connect, type Socket } from 'node:net';
import { withCpu, type CpuPerOperation } from './cpu.js';

export interface Measured {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  /** CPU a request cost each party during the measured run (not the warm-up), when the serving pid is known. */
  cpu?: CpuPerOperation;
}

export interface HttpLoad {
  url: string;
  cookie: string;
  /** A body for each request; called per request so bodies can vary. */
  body: (n: number) => string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** The serving process and its database, to report CPU a request. */
  serving?: { pid: number | undefined; database: 'sqlite' | 'postgres' };
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
  if (!load.serving) return run(load, load.seconds);
  const { result, cpu } = await withCpu(
    load.serving.pid,
    load.serving.database,
    () => run(load, load.seconds),
    (m) => m.requests,
  );
  return { ...result, cpu };
}

/** One request, answered as JSON; throws on an HTTP error or a GraphQL error. */
export async function post(url: string, cookie: string, body: string): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
  const json = (await response.json()) as { errors?: unknown[] };
  if (!response.ok || json.errors)
    throw new Error(`${url} answered ${response.status}: ${JSON.stringify(json).slice(0, 500)}`);
  return json;
}

/**
 * One keep-alive HTTP/1.1 connection for one sequential client (a buyer): it writes each request
 * by hand and reads the answer by its Content-Length or chunks. fetch costs the load generator
 * ~1 ms of CPU a request here, as much as the server it measures; on two cores that was CPU taken
 * from the server. This costs a small fraction of that.
 */
export class KeepAliveConnection {
  private socket: Socket | null = null;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: {
    resolve: (answer: { status: number; body: string }) => void;
    reject: (error: Error) => void;
  } | null = null;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
  }

  /** POSTs JSON and answers the parsed JSON; throws on an HTTP error or a GraphQL error, like `post`. */
  async post(path: string, cookie: string, body: string): Promise<any> {
    const { status, body: text } = await this.request(
      `POST ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\ncontent-type: application/json\r\ncookie: ${cookie}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    const json = JSON.parse(text) as { errors?: unknown[] };
    if (status >= 400 || json.errors) throw new Error(`${path} answered ${status}: ${text.slice(0, 500)}`);
    return json;
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private request(raw: string): Promise<{ status: number; body: string }> {
    if (this.waiting) throw new Error('KeepAliveConnection is sequential: one request at a time');
    const socket = this.socket ?? this.open();
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      socket.write(raw);
    });
  }

  private open(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.parse();
    });
    const fail = (error: Error) => {
      this.socket = null;
      this.buffer = Buffer.alloc(0);
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
    this.socket = socket;
    return socket;
  }

  private parse(): void {
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0 || !this.waiting) return;
    const head = this.buffer.toString('latin1', 0, headEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    let body: string;
    let consumed: number;
    if (length) {
      consumed = headEnd + 4 + Number(length[1]);
      if (this.buffer.length < consumed) return;
      body = this.buffer.toString('utf8', headEnd + 4, consumed);
    } else if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
      const parts: Buffer[] = [];
      let at = headEnd + 4;
      for (;;) {
        const lineEnd = this.buffer.indexOf('\r\n', at);
        if (lineEnd < 0) return;
        const size = parseInt(this.buffer.toString('latin1', at, lineEnd), 16);
        if (this.buffer.length < lineEnd + 2 + size + 2) return;
        if (size === 0) {
          consumed = lineEnd + 4;
          break;
        }
        parts.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(parts).toString('utf8');
    } else {
      throw new Error(`an answer with neither content-length nor chunks: ${head}`);
    }
    this.buffer = this.buffer.subarray(consumed);
    const waiting = this.waiting;
    this.waiting = null;
    waiting.resolve({ status, body });
  }
}
