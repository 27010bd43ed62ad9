import request from 'supertest';
import { bearer, createApiFixture, waitForAudit, type ApiFixture } from './helpers/api';
import { uniqueId } from './helpers/harness';
import { auditCli as cli } from './helpers/audit-cli';
import { appendAuditRow } from '../../api/audit/audit-chain';
import { createDb } from '../../runtime/db';

jest.setTimeout(120_000);
describe('the audit log is hash-chained', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await createApiFixture();
  });
  afterAll(async () => f?.close());

  it('links each new row to the one before it, and verification names exactly the row edited behind its back', async () => {
    const db = f.harness.db;
    // Three mutating requests: three audit rows, whatever they answered.
    const requestIds = [uniqueId('chain'), uniqueId('chain'), uniqueId('chain')];
    for (const requestId of requestIds)
      await request(f.app)
        .post('/api/users')
        .set(bearer(f.users.admin))
        .set('X-Request-Id', requestId)
        .send({ email: `${requestId}@example.com`, name: 'chain', roles: ['operator'] })
        .expect(201);
    const rows = [];
    for (const requestId of requestIds) rows.push(...(await waitForAudit(db, { requestId })));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const before = await db.auditLog.findUnique({ where: { id: row.id - 1 } });
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      // The first row of a fresh database links to the genesis hash.
      expect(row.prevHash).toBe(before?.hash ?? '0'.repeat(64));
    }

    const healthy = await request(f.app).get('/api/audit/verify').set(bearer(f.users.auditor)).expect(200);
    expect(healthy.body).toMatchObject({ ok: true });
    expect(healthy.body.head.id).toBeGreaterThanOrEqual(rows[2]!.id);

    // Someone with the database file changes the middle row: the triggers stop UPDATE, so they drop one first.
    const victim = rows[1]!;
    const tamper = async (action: string) => {
      await db.$executeRawUnsafe('DROP TRIGGER "AuditLog_no_update"');
      try {
        await db.$executeRawUnsafe('UPDATE "AuditLog" SET "action" = ? WHERE "id" = ?', action, victim.id);
      } finally {
        await db.$executeRawUnsafe(
          `CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE ON "AuditLog" BEGIN SELECT RAISE(ABORT, 'AuditLog is append-only'); END;`,
        );
      }
    };
    await tamper('user.read');
    try {
      const broken = await request(f.app).get('/api/audit/verify').set(bearer(f.users.manager)).expect(200);
      expect(broken.body).toMatchObject({ ok: false, firstBroken: { id: victim.id, reason: 'content' } });
      const fromCli = await cli('verify');
      expect(fromCli.code).toBe(1);
      expect(fromCli.output).toContain(`BROKEN at row ${victim.id}:`);
    } finally {
      // Put the row back (other test files share this database), and the chain is whole again.
      await tamper(victim.action);
    }
    expect((await request(f.app).get('/api/audit/verify').set(bearer(f.users.auditor))).body.ok).toBe(true);
    expect((await cli('verify')).code).toBe(0);
  });

  it('never forks, also when two processes append at the same moment', async () => {
    // A second database client stands for a second API process: its queue knows nothing of the first one's.
    const other = createDb(f.harness.config);
    const requestId = uniqueId('race');
    const row = (n: number) => ({
      actorId: 'race@example.com',
      actorRoles: 'operator',
      authMethod: 'token',
      action: `race.${n}`,
      method: 'POST',
      path: '/race',
      target: null,
      requestId,
      status: 200,
      outcome: 'success',
      errorCode: null,
      ip: null,
    });
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, n) => appendAuditRow(n % 2 === 0 ? f.harness.db : other, row(n))),
      );
    } finally {
      await other.$disconnect();
    }
    const written = await f.harness.db.auditLog.findMany({ where: { requestId } });
    expect(written).toHaveLength(20);
    // One chain, no fork: each of the 20 links to the row right before it in the whole log (others may interleave).
    const chain = await f.harness.db.auditLog.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, hash: true, prevHash: true },
    });
    const before = new Map(chain.slice(1).map((r, i) => [r.id, chain[i]!.hash]));
    for (const r of written) expect(r.prevHash).toBe(before.get(r.id));
    expect((await request(f.app).get('/api/audit/verify').set(bearer(f.users.auditor))).body.ok).toBe(true);
  });

  it('refuses verification to people who are neither auditors nor managers', async () => {
    for (const role of ['operator', 'reviewer'] as const)
      await request(f.app).get('/api/audit/verify').set(bearer(f.users[role])).expect(403);
  });

  it('the CLI answers bad input with exit code 2', async () => {
    const result = await cli('verify', '--frobnicate', 'x');
    expect(result.code).toBe(2);
    expect(result.output).toContain('unknown argument --frobnicate');
  });
});
