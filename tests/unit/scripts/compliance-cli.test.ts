import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** Runs the CLI as `npm run -s compliance` does (tsx), with stdin. */
function cli(args: string[], input: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/compliance.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SCRIPT = [
  '欢迎第一次来直播间的宝宝',
  '这款鱼油原价三百九十八，今天到手一百九十九',
  '仅剩最后20单，手慢无',
].join('\n');

describe('compliance CLI', () => {
  it('prints the findings as JSON with line numbers, and a script-level finding with segment null', () => {
    const { status, stdout, stderr } = cli(['scan', '--category', 'health_food', '--json'], `${SCRIPT}\n`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const { findings } = JSON.parse(stdout) as { findings: Array<Record<string, unknown>> };
    expect(findings.map((f) => [f.segment, f.term, f.ruleId])).toEqual([
      [2, '原价三百九十八，今天到手一百九十九', 'price-reference-comparison'],
      [3, '仅剩最后20单', 'urgency-scarcity'],
      [3, '手慢无', 'urgency-scarcity'],
      [null, '本品不能代替药物', 'health-food-disclaimer'],
    ]);
    for (const finding of findings) {
      expect(Object.keys(finding).sort()).toEqual(
        ['basis', 'category', 'length', 'offset', 'ruleId', 'segment', 'severity', 'term'].sort(),
      );
      expect(finding.basis).toEqual({
        citation: expect.any(String),
        zh: expect.any(String),
        en: expect.any(String),
      });
    }
    expect(findings[1]).toMatchObject({
      offset: 0,
      length: 7,
      category: 'misleading_claim',
      severity: 'medium',
    });
  });

  it('prints readable findings by default and exits 0 when there is nothing to report', () => {
    const flagged = cli(['scan', '--category', 'food'], '今天全网最低价\n');
    expect(flagged.status).toBe(0);
    expect(flagged.stdout).toContain('line 1, col 3');
    expect(flagged.stdout).toContain('《广告法》第九条第（三）项');
    const clean = cli(['scan', '--category=apparel'], '第一次来直播间的宝宝点个关注\n最近天气冷\n');
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/^0 finding\(s\) in 2 line\(s\)/);
  });

  it('judges by the category given: 增强免疫力 is fine for a 保健食品 that says the disclaimer', () => {
    const script = '这款蛋白粉的保健功能是增强免疫力\n本品不能代替药物\n';
    expect(JSON.parse(cli(['scan', '--category', 'health_food', '--json'], script).stdout)).toEqual({
      findings: [],
    });
    const food = JSON.parse(cli(['scan', '--category', 'food', '--json'], script).stdout) as {
      findings: Array<{ ruleId: string }>;
    };
    expect(food.findings.map((f) => f.ruleId)).toEqual(['food-health-function-claim']);
  });

  it.each([
    [['scan', '--category', 'toys'], '你好\n', /unknown category toys/],
    [['scan', '--category', 'food', '--verbose'], '你好\n', /unknown argument --verbose/],
    [['scan'], '你好\n', /--category is required/],
    [['lint', '--category', 'food'], '你好\n', /unknown command lint/],
    [['scan', '--category', 'food'], '', /empty script/],
    [['scan', '--category', 'food'], '\n  \n', /empty script/],
  ])('exits 2 with one line on stderr for bad input %j', (args, input, message) => {
    const { status, stdout, stderr } = cli(args, input);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
