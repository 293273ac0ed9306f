// Every route module registers here, one line each.
import type { RegisterRoutes } from '../http/app-env.ts';
import { registerAllocationRoutes } from './allocations/allocations.routes.ts';
import { registerDepartmentRoutes } from './departments/departments.routes.ts';
import { registerEnterpriseRoutes } from './enterprises/enterprises.routes.ts';
import { registerInvestmentRoutes } from './investment/investment.routes.ts';
import { registerMetricRoutes } from './metrics/metrics.routes.ts';
import { registerEvaluationRoutes } from './evaluations/evaluations.routes.ts';
import { registerOverviewRoutes } from './overview/overview.routes.ts';
import { registerReportRoutes } from './reports/reports.routes.ts';
import { registerReviewRoutes } from './reviews/reviews.routes.ts';
import { registerAuthRoutes } from './accounts/sign-in.routes.ts';
import { registerUserRoutes } from './accounts/accounts.routes.ts';
import { registerGoalRoutes } from './goals/goals.routes.ts';
import { registerIndicatorRoutes } from './indicators/indicators.routes.ts';
import { registerChangeRequestRoutes } from './change-requests/change-requests.routes.ts';
import { registerIndicatorLibraryRoutes } from './indicator-library/indicator-library.routes.ts';
import { registerAuditRoutes } from './audit-log/audit-log.routes.ts';
import { registerExecutionRoutes } from './execution/execution.routes.ts';
import { registerImportRoutes } from './imports/imports.routes.ts';
import { registerMonitoringRoutes } from './monitoring/monitoring.routes.ts';
import { registerTemplateRoutes } from './templates/templates.routes.ts';
import { registerProjectRoutes } from './projects/projects.routes.ts';
import { registerRegionRoutes } from './regions/regions.routes.ts';
import { registerExAnteRoutes } from './exante/exante.routes.ts';
import { registerOrganisationRoutes } from './organisation/organisation.routes.ts';
import { registerOperationsRoutes } from './operations/operations.routes.ts';
import { registerPublicationRoutes } from './publication/publication.routes.ts';
import { registerLinkageRoutes } from './linkage/linkage.routes.ts';
import { registerRectificationRoutes } from './rectifications/rectifications.routes.ts';
import { registerExternalEvaluationRoutes } from './external-evaluations/external-evaluations.routes.ts';
import { registerTodoRoutes } from './todos/todos.routes.ts';

export const routeModules: RegisterRoutes[] = [
  registerDepartmentRoutes,
  registerEvaluationRoutes,
  registerOverviewRoutes,
  registerReportRoutes,
  registerReviewRoutes,
  registerInvestmentRoutes,
  registerAllocationRoutes,
  registerEnterpriseRoutes,
  registerMetricRoutes,
  registerAuthRoutes,
  registerUserRoutes,
  registerGoalRoutes,
  registerIndicatorRoutes,
  registerChangeRequestRoutes,
  registerIndicatorLibraryRoutes,
  registerAuditRoutes,
  registerExecutionRoutes,
  registerImportRoutes,
  registerMonitoringRoutes,
  registerTemplateRoutes,
  registerProjectRoutes,
  registerRegionRoutes,
  registerOrganisationRoutes,
  registerExAnteRoutes,
  registerExternalEvaluationRoutes,
  registerRectificationRoutes,
  registerOperationsRoutes,
  registerPublicationRoutes,
  registerLinkageRoutes,
  registerTodoRoutes,
];
