import { passwordProblem } from './password.policy';

describe('password policy', () => {
  it('refuses short and overlong passwords in Russian', () => {
    expect(passwordProblem('short')).toMatch(/не менее 10/);
    expect(passwordProblem('x'.repeat(201))).toMatch(/не более 200/);
    expect(passwordProblem('long-enough-pass')).toBeNull();
  });
});
