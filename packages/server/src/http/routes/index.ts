// Every route module registers here, one line each.
import type { RegisterRoutes } from '../app-env.ts';
import { registerDepartmentRoutes } from './departments/departments.routes.ts';

export const routeModules: RegisterRoutes[] = [registerDepartmentRoutes];
