import { describe, expect, it } from 'vitest';
import {
  GOAL_STATUSES,
  GOAL_STEP_ROLE,
  goalApproval,
  goalEditRefusal,
  goalReturnable,
  goalReviewStep,
  isGoalEditable,
} from './lifecycle.ts';

describe('goal lifecycle', () => {
  it('only draft and returned goal sets are editable; locked ones go through change requests', () => {
    expect(GOAL_STATUSES.filter(isGoalEditable)).toEqual(['draft', 'returned']);
    expect(goalEditRefusal('draft')).toBeNull();
    expect(goalEditRefusal('returned')).toBeNull();
    expect(goalEditRefusal('locked')).toBe('GOAL_SET_LOCKED');
    expect(goalEditRefusal('approved')).toBe('GOAL_SET_LOCKED');
    expect(goalEditRefusal('submitted')).toBe('GOAL_UNDER_REVIEW');
    expect(goalEditRefusal('deptApproved')).toBe('GOAL_UNDER_REVIEW');
  });

  it('the department head reviews submitted sets, the finance bureau department-approved ones', () => {
    expect(goalReviewStep('submitted')).toBe('dept');
    expect(goalReviewStep('deptApproved')).toBe('finance');
    for (const s of ['draft', 'returned', 'approved', 'locked'] as const) {
      expect(goalReviewStep(s)).toBeNull();
    }
    expect(GOAL_STEP_ROLE).toEqual({ dept: 'deptHead', finance: 'financeReviewer' });
  });

  it('with finance approval required: submitted → deptApproved → locked', () => {
    expect(goalApproval('submitted', true)).toEqual({
      approved: 'deptApproved',
      next: 'deptApproved',
    });
    expect(goalApproval('deptApproved', true)).toEqual({ approved: 'approved', next: 'locked' });
  });

  it('without finance approval: the head’s approval locks', () => {
    expect(goalApproval('submitted', false)).toEqual({ approved: 'approved', next: 'locked' });
  });

  it('nothing else can be approved or returned', () => {
    for (const s of ['draft', 'returned', 'approved', 'locked'] as const) {
      expect(goalApproval(s, true)).toBeNull();
      expect(goalReturnable(s)).toBe(false);
    }
    expect(goalReturnable('submitted')).toBe(true);
    expect(goalReturnable('deptApproved')).toBe(true);
  });
});
