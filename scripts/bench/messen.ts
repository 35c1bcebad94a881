/** Small timing helpers shared by the benchmark sections. */
import { spawnSync } from 'child_process';

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
  code: number | null;
  stdoutBytes: number;
  stderr: string;
}

/** Wall time of one child process (node startup included, as a user experiences it). */
export function prozess(args: readonly string[], cwd: string): Prozess {
  const t0 = jetztMs();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = jetztMs() - t0;
  if (r.error) throw r.error;
  return { ms, code: r.status, stdoutBytes: Buffer.byteLength(r.stdout ?? ''), stderr: (r.stderr ?? '').slice(0, 500) };
}
