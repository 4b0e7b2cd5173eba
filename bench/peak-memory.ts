// Peak resident memory of this process, from the kernel: VmHWM in /proc/self/status. Writing
// 5 to /proc/self/clear_refs lowers the mark to the current resident size, so each step of a
// benchmark can report its own peak rather than the largest since the process started.
import { readFile, writeFile } from 'node:fs/promises';

export async function peakRssMiB(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Starts a new peak from the current resident size; false where the kernel does not allow it. */
export async function resetPeakRss(): Promise<boolean> {
  return writeFile('/proc/self/clear_refs', '5').then(() => true, () => false);
}
