import fs from 'node:fs';
import { README, withActionsTables } from '../../scripts/readme-actions';

/** Prettier pads table cells; the registry's words are what must agree. */
const normalize = (markdown: string) => markdown.replace(/ +/g, ' ').replace(/-{3,}/g, '---');

describe('README', () => {
  it('lists the stream and campaign actions exactly as the registries declare them (npm run docs rewrites them)', () => {
    const readme = fs.readFileSync(README, 'utf8');
    expect(normalize(readme)).toBe(normalize(withActionsTables(readme)));
  });
});
