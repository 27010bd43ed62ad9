import { redactUrl } from '../../../api/http/secret-params';

describe('redactUrl', () => {
  it.each([
    ['/api/streams', '/api/streams'],
    ['/a?token=lo_x&lang=en', '/a?token=[redacted]&lang=en'],
    ['/a?lang=en&_csrf=abc&Password=pw', '/a?lang=en&_csrf=[redacted]&Password=[redacted]'],
    ['/a?%74oken=lo_x', '/a?%74oken=[redacted]'],
    ['/a?access_token', '/a?access_token=[redacted]'],
    ['/a?next=%2Finbox&token=t#frag', '/a?next=%2Finbox&token=[redacted]#frag'],
    ['/a?bad=%zz&token=t', '/a?bad=%zz&token=[redacted]'],
  ])('%s -> %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
