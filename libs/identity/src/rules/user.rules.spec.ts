import { MIN_PASSWORD_LENGTH } from '../services/password-hasher';
import { MAX_PASSWORD_LENGTH, newUserViolations, passwordViolations } from './user.rules';

describe(passwordViolations.name, () => {
  it('at least the minimum, at most the maximum; no password (single sign-on) is fine', () => {
    expect(passwordViolations('x'.repeat(MIN_PASSWORD_LENGTH))).toEqual([]);
    expect(passwordViolations('x'.repeat(MIN_PASSWORD_LENGTH - 1))).toEqual([{ field: 'password', rule: 'minLength', message: 'Lösenordet måste ha minst 12 tecken' }]);
    expect(passwordViolations('x'.repeat(MAX_PASSWORD_LENGTH))).toEqual([]);
    expect(passwordViolations('x'.repeat(MAX_PASSWORD_LENGTH + 1))).toEqual([{ field: 'password', rule: 'maxLength', message: 'Lösenordet får ha högst 200 tecken' }]);
    expect(passwordViolations(undefined)).toEqual([]);
  });
});

describe(newUserViolations.name, () => {
  it('an e-mail address is needed; a name only when given must not be blank; every problem at once', () => {
    expect(newUserViolations({ email: 'annika@malmo.example' })).toEqual([]);
    expect(newUserViolations({ email: 'annika', name: ' ', password: 'kort' }).map((v) => `${v.field}:${v.rule}`)).toEqual(['name:isNotEmpty', 'email:isEmail', 'password:minLength']);
  });
});
