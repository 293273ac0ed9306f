// Middleware modules, applied in order before the routes (session → CSRF → forced password change → …).
import type { RegisterRoutes } from '../app-env.ts';
import { registerSessionMiddleware } from './session.ts';
import { registerCsrfMiddleware } from './csrf.ts';
import { registerPasswordChangeMiddleware } from './password-change.ts';
import { registerAccessLogMiddleware } from './access-log.ts';

export const middlewareModules: RegisterRoutes[] = [
  registerSessionMiddleware,
  registerCsrfMiddleware,
  registerPasswordChangeMiddleware,
  registerAccessLogMiddleware,
];
