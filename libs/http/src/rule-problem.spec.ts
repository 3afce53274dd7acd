import { ruleProblem } from './problem';

describe('ruleProblem (422, every broken rule listed)', () => {
  it('names each field and rule in errors and in the detail', () => {
    const errors = [
      { field: 'deadline', rule: 'after-opening', message: 'must be after the opening date' },
      { field: 'procedureCodes', rule: 'non-empty', message: 'must name a procedure' },
    ];
    const problem = ruleProblem('campaign-invalid', 'The campaign breaks a rule', errors).toProblem(
      '/x',
    );
    expect(problem).toEqual({
      type: 'https://motcua.gov.vn/problems/campaign-invalid',
      title: 'The campaign breaks a rule',
      status: 422,
      detail: 'deadline: must be after the opening date; procedureCodes: must name a procedure',
      instance: '/x',
      errors,
    });
  });
});
