import { readUserListQuery, toCreateUserInput, validateGrantForm } from './user-forms';
import { setPasswordFormErrors } from './set-password-form';

const DEPARTMENT = '7b0c6f59-2d8a-4c36-9a61-3f0a9a4d6a10';
const COMMITTEE = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

describe('the grant-a-role form', () => {
  it('asks for a role, and for the scope the role needs', () => {
    expect(validateGrantForm({ role: '', departmentId: '', committeeId: '' }).errors).toEqual({ role: 'Välj en roll' });
    expect(validateGrantForm({ role: 'coordinator', departmentId: '', committeeId: '' }).errors).toEqual({ role: 'Välj en roll' });
    expect(validateGrantForm({ role: 'management', departmentId: '', committeeId: COMMITTEE }).errors).toEqual({
      departmentId: 'Välj vilken förvaltning personen ska vara förvaltningsledning för',
    });
    expect(validateGrantForm({ role: 'committee_secretary', departmentId: DEPARTMENT, committeeId: 'x' }).errors).toEqual({
      committeeId: 'Välj vilken nämnd personen ska vara nämndsekreterare för',
    });
  });

  it("reads only the scope the role has (both lists are on the page without JavaScript)", () => {
    expect(validateGrantForm({ role: 'management', departmentId: DEPARTMENT, committeeId: COMMITTEE }).input).toEqual({ role: 'management', departmentId: DEPARTMENT });
    expect(validateGrantForm({ role: 'committee_secretary', departmentId: DEPARTMENT, committeeId: COMMITTEE }).input).toEqual({ role: 'committee_secretary', committeeId: COMMITTEE });
    expect(validateGrantForm({ role: 'strategist', departmentId: DEPARTMENT, committeeId: COMMITTEE }).input).toEqual({ role: 'strategist' });
  });
});

describe('the create-login form', () => {
  it('leaves out what was not typed: a person who exists needs only the e-mail, and no password is ever given', () => {
    expect(toCreateUserInput({ email: 'a@malmo.example', name: '', title: '' })).toEqual({ email: 'a@malmo.example' });
    expect(toCreateUserInput({ email: 'a@malmo.example', name: 'Ada', title: 'Chef' })).toEqual({ email: 'a@malmo.example', name: 'Ada', title: 'Chef' });
  });
});

describe('the users list query', () => {
  it('reads a search and a page number, and page 1 for anything else', () => {
    expect(readUserListQuery({ sok: '  berg ', sida: '3' })).toEqual({ search: 'berg', page: 3 });
    for (const sida of ['0', '-1', 'x', '1.5', ['2'], undefined, '9999999']) expect(readUserListQuery({ sida }).page).toBe(1);
    expect(readUserListQuery({ sok: ['a', 'b'] }).search).toBe('');
  });
});

describe('the set-password form', () => {
  it('asks for the same password twice (the rules of a password are the service’s)', () => {
    expect(setPasswordFormErrors({ token: 't', password: 'ett långt lösenord', confirmation: 'ett annat' })).toEqual({ confirmation: 'Skriv samma lösenord två gånger' });
    expect(setPasswordFormErrors({ token: 't', password: 'ett långt lösenord', confirmation: 'ett långt lösenord' })).toEqual({});
    // An empty password is the service's rule to explain, at the password field.
    expect(setPasswordFormErrors({ token: 't', password: '', confirmation: '' })).toEqual({});
  });
});
