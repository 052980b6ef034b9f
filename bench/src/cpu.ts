import { readdirSync, readFileSync } from 'node:fs';

/** Fields 14 and 15 of /proc/<pid>/stat (after the command name): utime + stime, in ms (100 ticks a second). */
function statCpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A process's CPU time so far (user + system), in ms; null where there is no /proc or no such process. */
function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    return statCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** CPU time so far of each PostgreSQL server process on this machine (backends, WAL writer…), in ms by pid. */
function postgresCpuByPid(): Map<string, number> | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const out = new Map<string, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === 'postgres') out.set(pid, statCpuMs(stat));
    } catch {
      // gone between the listing and the read
    }
  }
  return out;
}

/**
 * PostgreSQL's CPU between two readings: each process alive at the second counts from the first
 * (or from its start). A backend that exited meanwhile (a pool closing an idle connection) took its
 * time with it; measure over connections that stay open, as busy pools' do.
 */
function postgresCpuSince(before: Map<string, number> | null): number | null {
  const after = postgresCpuByPid();
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** CPU an operation cost, in ms: the serving process, the database server (PostgreSQL only), this load generator. */
export interface CpuPerOperation {
  server: number | null;
  database: number | null;
  client: number;
}

/** Runs `work` and divides the CPU each party spent meanwhile by the operations it reports. */
export async function withCpu<T>(
  servingPid: number | undefined,
  database: 'sqlite' | 'postgres',
  work: () => Promise<T>,
  operations: (result: T) => number,
): Promise<{ result: T; cpu: CpuPerOperation }> {
  const serverBefore = processCpuMs(servingPid);
  const databaseBefore = database === 'postgres' ? postgresCpuByPid() : null;
  const clientBefore = process.cpuUsage();
  const result = await work();
  const client = process.cpuUsage(clientBefore);
  const serverAfter = processCpuMs(servingPid);
  const databaseSpent = database === 'postgres' ? postgresCpuSince(databaseBefore) : null;
  const n = Math.max(1, operations(result));
  const per = (before: number | null, after: number | null) =>
    before === null || after === null ? null : (after - before) / n;
  return {
    result,
    cpu: {
      server: per(serverBefore, serverAfter),
      database: databaseSpent === null ? null : databaseSpent / n,
      client: (client.user + client.system) / 1000 / n,
    },
  };
}
