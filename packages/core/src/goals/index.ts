// Public surface of the goal set's lifecycle rules.
export {
  GOAL_EDITOR_ROLE,
  GOAL_STATUSES,
  GOAL_STATUS_TEXT,
  GOAL_STEP_ROLE,
  goalApproval,
  goalEditRefusal,
  goalReturnable,
  goalReviewStep,
  isGoalEditable,
  type GoalApproval,
  type GoalLifecycleStatus,
  type GoalReviewStep,
} from './lifecycle.ts';
