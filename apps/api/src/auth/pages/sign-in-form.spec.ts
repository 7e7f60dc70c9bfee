import { readSignInForm, safeNextPath, signInPath, validateSignInForm } from './sign-in-form';

describe('the sign-in form', () => {
  it('returns only to local paths on this site', () => {
    expect(safeNextPath('/forvaltningar/3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60?utsedd=1')).toBe('/forvaltningar/3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60?utsedd=1');
    expect(safeNextPath('/')).toBe('/');
    for (const evil of [
      '//evil.example',
      '//evil.example/forvaltningar',
      '/\\evil.example',
      '\\\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      ' /forvaltningar',
      '',
      '/logga-in',
      '/logga-in?next=/x',
      `/${'a'.repeat(3000)}`,
    ]) {
      expect([evil, safeNextPath(evil)]).toEqual([evil, null]);
    }
    expect(safeNextPath(['/forvaltningar'])).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
    // Dot segments resolve on this site, never elsewhere.
    expect(safeNextPath('/a/../../forvaltningar')).toBe('/forvaltningar');
  });

  it('builds the sign-in address with a safe next only', () => {
    expect(signInPath('/forvaltningar?status=saknar')).toBe('/logga-in?next=%2Fforvaltningar%3Fstatus%3Dsaknar');
    expect(signInPath('/')).toBe('/logga-in');
    expect(signInPath('//evil.example')).toBe('/logga-in');
    expect(signInPath(null, { utloggad: '1' })).toBe('/logga-in?utloggad=1');
  });

  it('reads the fields it knows, a safe next, and asks for both fields', () => {
    const form = readSignInForm({ email: '  Anna@Malmo.example ', password: ' hemligt ', next: '//evil.example', _csrf: 'x', extra: 'y' });
    expect(form).toEqual({ email: 'Anna@Malmo.example', password: ' hemligt ', next: '' });
    expect(validateSignInForm({ email: '', password: '' })).toEqual({ email: 'Ange din e-postadress', password: 'Ange ditt lösenord' });
    expect(validateSignInForm(form)).toEqual({});
  });
});
