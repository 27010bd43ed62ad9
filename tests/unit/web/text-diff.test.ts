import { diffText } from '../../../api/web/widgets/text-diff';

describe('diffText (the reviewer compare view)', () => {
  it('marks the replaced phrase only, character by character in Chinese', () => {
    expect(diffText('今晚全网最低价，错过等下次', '今晚直播间专享价，错过等下次')).toEqual([
      { kind: 'same', text: '今晚' },
      { kind: 'removed', text: '全网最低' },
      { kind: 'added', text: '直播间专享' },
      { kind: 'same', text: '价，错过等下次' },
    ]);
  });

  it('rebuilds both sides from its parts', () => {
    const before = '欢迎来到冬季护肤专场！福袋每半小时开一次 😀 点点关注';
    const after = '欢迎来到冬季专场！福袋每二十分钟开一次 😀 点关注不迷路';
    const parts = diffText(before, after);
    const side = (kind: 'removed' | 'added') =>
      parts
        .filter((p) => p.kind === 'same' || p.kind === kind)
        .map((p) => p.text)
        .join('');
    expect(side('removed')).toBe(before);
    expect(side('added')).toBe(after);
  });

  it('handles added and removed text at either end, and no change at all', () => {
    expect(diffText('', '新段落')).toEqual([{ kind: 'added', text: '新段落' }]);
    expect(diffText('旧段落', '')).toEqual([{ kind: 'removed', text: '旧段落' }]);
    expect(diffText('不变', '不变')).toEqual([{ kind: 'same', text: '不变' }]);
  });
});
