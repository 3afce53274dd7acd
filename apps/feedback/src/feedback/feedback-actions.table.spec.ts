import {
  FEEDBACK_ACTIONS,
  FEEDBACK_ACTION_TABLE,
  allowedActions,
  classifyTarget,
  mayPerform,
  statusAfter,
} from './feedback-actions.table';
import { FEEDBACK_STATUSES } from './feedback-status';
import { currentDeadline } from './current-deadline';

describe('feedback action table', () => {
  it('classification routes by category', () => {
    expect(classifyTarget('not_accepted')).toBe('refused');
    expect(classifyTarget('outside_authority')).toBe('to_forward');
    expect(classifyTarget('conduct')).toBe('accepted');
    expect(statusAfter('classify', 'within_authority')).toBe('accepted');
    expect(() => statusAfter('classify')).toThrow(/category/);
  });

  it('only a leader approves, assigns and returns an answer', () => {
    for (const action of ['approve', 'assign', 'return-answer'] as const) {
      expect(mayPerform(action, ['leader'])).toBe(true);
      expect(mayPerform(action, ['specialist', 'desk_officer'])).toBe(false);
    }
  });

  it('lists the allowed actions per status and role', () => {
    expect(allowedActions('received', ['desk_officer'])).toEqual(['classify']);
    expect(allowedActions('assigned', ['specialist'])).toEqual(['request-info', 'answer']);
    expect(allowedActions('assigned', ['leader'])).toEqual(['assign', 'request-info', 'answer']);
    expect(allowedActions('answered', ['leader'])).toEqual(['return-answer', 'approve']);
    expect(allowedActions('published', ['leader'])).toEqual([]);
    expect(allowedActions('refused', ['leader'])).toEqual([]);
    expect(allowedActions('received', ['citizen'])).toEqual([]);
  });

  it('every action starts from known statuses, and closed statuses allow nothing', () => {
    for (const action of FEEDBACK_ACTIONS) {
      for (const from of FEEDBACK_ACTION_TABLE[action].from)
        expect(FEEDBACK_STATUSES).toContain(from);
    }
    for (const closed of ['refused', 'forwarded', 'published'] as const) {
      expect(
        FEEDBACK_ACTIONS.filter((a) => FEEDBACK_ACTION_TABLE[a].from.includes(closed)),
      ).toEqual([]);
    }
  });

  it('the running time limit follows the status', () => {
    const dates = {
      classifyBy: new Date(1),
      forwardBy: new Date(2),
      answerBy: new Date(3),
      publishBy: new Date(4),
    };
    expect(currentDeadline('received', dates)).toEqual({
      stage: 'classify',
      deadline: dates.classifyBy,
    });
    expect(currentDeadline('to_forward', dates)).toEqual({
      stage: 'forward',
      deadline: dates.forwardBy,
    });
    expect(currentDeadline('info_requested', dates)).toEqual({
      stage: 'answer',
      deadline: dates.answerBy,
    });
    expect(currentDeadline('approved', dates)).toEqual({
      stage: 'publish',
      deadline: dates.publishBy,
    });
    expect(currentDeadline('answered', dates)).toBeNull();
    expect(currentDeadline('published', dates)).toBeNull();
  });
});
