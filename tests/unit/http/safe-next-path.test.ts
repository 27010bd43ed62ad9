import { safeNextPath } from '../../../api/auth/login-routes';

describe('safeNextPath', () => {
  it.each([
    ['/streams', '/streams'],
    ['/streams/s-1?done=cancel#top', '/streams/s-1?done=cancel#top'],
    ['/streams/./s-1/../s-2', '/streams/s-2'],
    ['/inbox', '/inbox'],
  ])('keeps the same-site path %s as %s', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    // The probe's case: the raw string looks like a path, its normalisation is protocol-relative.
    '/.//evil.example/phish',
    '/..//evil.example/phish',
    '/a/..//evil.example/phish',
    '/%2e//evil.example/phish',
    '/%2E%2E//evil.example',
    '/./\t/evil.example',
    '/.\n//evil.example',
    '//evil.example/x',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'streams',
    '',
  ])('refuses %j, which would leave the site', (input) => {
    expect(safeNextPath(input)).toBeUndefined();
  });

  it('refuses anything that is not a string', () => {
    expect(safeNextPath(['/streams'])).toBeUndefined();
    expect(safeNextPath(undefined)).toBeUndefined();
  });
});
