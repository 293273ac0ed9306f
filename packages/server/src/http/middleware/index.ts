// Middleware modules, applied in order before the routes (session → CSRF → …).
import type { RegisterRoutes } from '../app-env.ts';

export const middlewareModules: RegisterRoutes[] = [];
