import fs from 'node:fs';

/** Linux /proc readers: what the kernel knows about a process, without its cooperation. */

export function readProcStatus(pid: number): { rssBytes: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
  return { rssBytes: kib * 1024 };
}

/** Direct children of a process (e.g. the Temporal dev server the app started in its own process group). */
export function childPids(pid: number): Array<{ pid: number; command: string }> {
  const children: Array<{ pid: number; command: string }> = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name sits in parentheses and may contain spaces; the parent pid is the second field after it.
      const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(afterName[1]) !== pid) continue;
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      children.push({ pid: Number(entry), command });
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The load average when the numbers were taken: this 2-core machine is shared, so results carry it. */
export function loadAverage(): { one: number; five: number; fifteen: number } {
  const [one = 0, five = 0, fifteen = 0] = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
  return { one, five, fifteen };
}
