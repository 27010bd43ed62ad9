import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { isAlive } from '../../../runtime/dev-server-pidfile';

const onLinux = fs.existsSync('/proc/self/stat') ? describe : describe.skip;

onLinux('is the process that owned a dev server still alive?', () => {
  it('counts a zombie (killed, its parent gone, not yet reaped) as gone', async () => {
    // The shell starts a short sleep, prints its pid, then becomes a long sleep that never reaps it: a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 5'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const [chunk] = (await once(parent.stdout!, 'data')) as [Buffer];
      const zombie = Number(chunk.toString().trim());
      const deadline = Date.now() + 3_000;
      const state = () => {
        const stat = fs.readFileSync(`/proc/${zombie}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      };
      while (state() !== 'Z' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(state()).toBe('Z');
      expect(isAlive(zombie)).toBe(false);
      expect(isAlive(parent.pid!)).toBe(true);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
