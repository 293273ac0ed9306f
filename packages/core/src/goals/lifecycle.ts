// The goal set's lifecycle (绩效目标的编报、审核与锁定) as pure rules: which status may be edited, who approves or
// returns it at which status, and where an approval leads.
//
//   draft ──submit──▶ submitted ──approve (dept head)──▶ deptApproved ──approve (finance)──▶ approved ──▶ locked
//   returned ◀──return (dept head at submitted, finance at deptApproved)──┘
//   returned ──edit/submit──▶ submitted (as from draft)
//
// Without finance approval configured for the year, the department head's approval locks directly.

export const GOAL_STATUSES = [
  'draft',
  'submitted',
  'deptApproved',
  'approved',
  'locked',
  'returned',
] as const;

export type GoalLifecycleStatus = (typeof GOAL_STATUSES)[number];

export const GOAL_STATUS_TEXT: Record<GoalLifecycleStatus, string> = {
  draft: '草稿',
  submitted: '已送审',
  deptApproved: '部门已审核',
  approved: '已审核',
  locked: '已锁定',
  returned: '已退回',
};

/** Who reviews a goal set: the department head first, then (when the year requires it) the finance bureau. */
export type GoalReviewStep = 'dept' | 'finance';

/** The role that may act at each review step; the clerk edits and submits. */
export const GOAL_STEP_ROLE = { dept: 'deptHead', finance: 'financeReviewer' } as const;

export const GOAL_EDITOR_ROLE = 'clerk';

/** The clerk may edit (and submit) the goal set only while it is a draft or was returned. */
export function isGoalEditable(status: GoalLifecycleStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** Why a goal set cannot be edited: locked (change requests instead) or under review; null when editable. */
export function goalEditRefusal(
  status: GoalLifecycleStatus,
): 'GOAL_SET_LOCKED' | 'GOAL_UNDER_REVIEW' | null {
  if (isGoalEditable(status)) {
    return null;
  }
  return status === 'locked' || status === 'approved' ? 'GOAL_SET_LOCKED' : 'GOAL_UNDER_REVIEW';
}

/** The review step a goal set in this status awaits (approve or return), or null when none. */
export function goalReviewStep(status: GoalLifecycleStatus): GoalReviewStep | null {
  if (status === 'submitted') {
    return 'dept';
  }
  if (status === 'deptApproved') {
    return 'finance';
  }
  return null;
}

export interface GoalApproval {
  /** The status recorded in the approval event. */
  approved: 'deptApproved' | 'approved';
  /** The status the goal set moves to. */
  next: 'deptApproved' | 'locked';
}

/** Where an approval leads from this status, or null when the status cannot be approved. */
export function goalApproval(
  status: GoalLifecycleStatus,
  financeApprovalRequired: boolean,
): GoalApproval | null {
  const step = goalReviewStep(status);
  if (step === null) {
    return null;
  }
  if (step === 'dept' && financeApprovalRequired) {
    return { approved: 'deptApproved', next: 'deptApproved' };
  }
  return { approved: 'approved', next: 'locked' };
}

/** A return sends the goal set back to the clerk (only from a review step). */
export function goalReturnable(status: GoalLifecycleStatus): boolean {
  return goalReviewStep(status) !== null;
}
