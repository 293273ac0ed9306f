// Every route module registers here, one line each.
import type { RegisterRoutes } from '../app-env.ts';
import { registerAllocationRoutes } from './allocations/allocations.routes.ts';
import { registerDepartmentRoutes } from './departments/departments.routes.ts';
import { registerEnterpriseRoutes } from './enterprises/enterprises.routes.ts';
import { registerInvestmentRoutes } from './investment/investment.routes.ts';
import { registerMetricRoutes } from './metrics/metrics.routes.ts';
import { registerEvaluationRoutes } from './evaluations/evaluations.routes.ts';
import { registerOverviewRoutes } from './overview/overview.routes.ts';
import { registerReportRoutes } from './reports/reports.routes.ts';
import { registerReviewRoutes } from './reviews/reviews.routes.ts';

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
];
