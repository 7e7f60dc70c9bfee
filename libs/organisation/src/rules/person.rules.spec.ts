import { emailViolations, PERSON_MAX, personViolations } from './person.rules';

const rulesOf = (person: { name?: string; email?: string; title?: string | null }, prefix?: string) => personViolations(person, prefix).map((v) => `${v.field}:${v.rule}`);
const emailOfLength = (n: number) => `${'a'.repeat(64)}@${'b'.repeat(n - 64 - 1 - 4)}.com`;

describe(personViolations.name, () => {
  const person = { name: 'Åsa Öberg', email: 'åsa.öberg@malmo.example', title: 'Strateg' };

  it('accepts a person, a non-ASCII local part and no title included', () => {
    expect(rulesOf(person)).toEqual([]);
    expect(rulesOf({ ...person, title: null })).toEqual([]);
    expect(rulesOf({ ...person, title: '' })).toEqual([]);
  });

  it('reports a missing name and a malformed e-mail address together, in Swedish', () => {
    expect(personViolations({ name: '', email: 'not-an-email' })).toEqual([
      { field: 'name', rule: 'isNotEmpty', message: 'Ange ett namn' },
      { field: 'email', rule: 'isEmail', message: 'Ange en giltig e-postadress, till exempel namn.efternamn@malmo.se' },
    ]);
    expect(rulesOf({ name: 'N', email: ' ' })).toEqual(['email:isNotEmpty']);
  });

  it('name and title: at most their maxima', () => {
    expect(rulesOf({ ...person, name: 'x'.repeat(PERSON_MAX.name), title: 'x'.repeat(PERSON_MAX.title) })).toEqual([]);
    expect(rulesOf({ ...person, name: 'x'.repeat(PERSON_MAX.name + 1), title: 'x'.repeat(PERSON_MAX.title + 1) })).toEqual(['name:maxLength', 'title:maxLength']);
  });

  it('names the fields under a prefix when the person is part of a larger command', () => {
    expect(rulesOf({ name: 'X', email: 'x' }, 'person.')).toEqual(['person.email:isEmail']);
  });
});

describe(emailViolations.name, () => {
  it('an address of the maximum length is checked as an address; a longer one is too long', () => {
    expect(emailOfLength(PERSON_MAX.email)).toHaveLength(PERSON_MAX.email);
    expect(emailViolations(emailOfLength(PERSON_MAX.email)).map((v) => v.rule)).not.toContain('maxLength');
    expect(emailViolations(emailOfLength(PERSON_MAX.email + 1)).map((v) => v.rule)).toEqual(['maxLength']);
  });

  it('is not checked when absent', () => {
    expect(emailViolations(undefined)).toEqual([]);
  });
});
