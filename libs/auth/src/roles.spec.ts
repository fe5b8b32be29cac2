import { grantProblem } from './roles';

describe('grantProblem', () => {
  it('accepts a grant whose scope fits the role', () => {
    expect(grantProblem({ role: 'curator', scopeKind: 'school', scopeValue: 'a-school-id' })).toBeNull();
    expect(grantProblem({ role: 'admin', scopeKind: 'global', scopeValue: null })).toBeNull();
  });

  it('names what is wrong in Russian', () => {
    expect(grantProblem({ role: 'curator', scopeKind: 'municipality', scopeValue: 'г. Иркутск' })).toMatch(
      /куратор.*school/,
    );
    expect(grantProblem({ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: ' ' })).toMatch(
      /нужно значение/,
    );
    expect(grantProblem({ role: 'nobody' as never, scopeKind: 'global', scopeValue: null })).toMatch(
      /неизвестная роль/,
    );
  });
});
