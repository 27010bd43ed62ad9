import fs from 'node:fs';
import { README, withActionsTable } from '../../scripts/readme-actions';

/** Prettier pads table cells; the registry's words are what must agree. */
const normalize = (markdown: string) => markdown.replace(/ +/g, ' ').replace(/-{3,}/g, '---');

describe('README', () => {
  it('lists the stream actions exactly as the registry declares them (npm run docs rewrites the table)', () => {
    const readme = fs.readFileSync(README, 'utf8');
    expect(normalize(readme)).toBe(normalize(withActionsTable(readme)));
  });
});
