import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `probe` until its value `holds` (a failed test, not a hang, when it never does); a probe that throws is tried again until the deadline. */
export async function eventually<T>(what: string, probe: () => Promise<T>, holds: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let last: string;
    try {
      const value = await probe();
      if (holds(value)) return value;
      last = JSON.stringify(value);
    } catch (e) {
      last = `failing (${(e as Error)?.message ?? String(e)})`;
    }
    if (Date.now() > deadline) throw new Error(`${what}: still ${last} after ${timeoutMs} ms`);
    await sleep(25);
  }
}
