/** Small timing helpers shared by the benchmark sections. */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function runde(x: number, stellen = 1): number {
  const f = 10 ** stellen;
  return Math.round(x * f) / f;
}

export function jetztMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Milliseconds of a synchronous function, median of `n` runs after `aufwaermen` unmeasured ones. */
export function zeitSync(f: () => void, n: number, aufwaermen = 2): { medianMs: number; laeufeMs: number[] } {
  for (let i = 0; i < aufwaermen; i++) f();
  const laeufe: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = jetztMs();
    f();
    laeufe.push(jetztMs() - t0);
  }
  return { medianMs: median(laeufe), laeufeMs: laeufe.map((x) => runde(x, 2)) };
}

export async function zeitAsync(f: () => Promise<unknown>, n: number, aufwaermen = 1): Promise<{ medianMs: number; laeufeMs: number[] }> {
  for (let i = 0; i < aufwaermen; i++) await f();
  const laeufe: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = jetztMs();
    await f();
    laeufe.push(jetztMs() - t0);
  }
  return { medianMs: median(laeufe), laeufeMs: laeufe.map((x) => runde(x, 1)) };
}

export interface Prozess {
  ms: number;
  /** CPU time of the child (user + system, all threads), from cpu-hook.js */
  cpuMs: number;
  /** peak resident memory of the child (RSS high-water mark), from cpu-hook.js */
  maxRssMB: number;
  code: number | null;
  stdoutBytes: number;
  stderr: string;
}

const CPU_HOOK = path.join(__dirname, 'cpu-hook.js');

/** Wall and CPU time of one child process (node startup included, as a user experiences it). */
export function prozess(args: readonly string[], cwd: string): Prozess {
  const cpuDatei = path.join(os.tmpdir(), `im-bench-cpu-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const t0 = jetztMs();
  const r = spawnSync(process.execPath, ['-r', CPU_HOOK, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, IM_BENCH_CPU: cpuDatei },
  });
  const ms = jetztMs() - t0;
  if (r.error) throw r.error;
  let cpuMs = NaN;
  let maxRssMB = NaN;
  if (existsSync(cpuDatei)) {
    const u = JSON.parse(readFileSync(cpuDatei, 'utf8')) as { userUs: number; systemUs: number; maxRssKB?: number };
    cpuMs = (u.userUs + u.systemUs) / 1000;
    maxRssMB = (u.maxRssKB ?? NaN) / 1024;
    rmSync(cpuDatei, { force: true });
  }
  return { ms, cpuMs, maxRssMB, code: r.status, stdoutBytes: Buffer.byteLength(r.stdout ?? ''), stderr: (r.stderr ?? '').slice(0, 500) };
}
