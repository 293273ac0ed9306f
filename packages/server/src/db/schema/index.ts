// The one database schema (PostgreSQL dialect), shared by PGlite and node-postgres.
export * from './organizations.ts';
export * from './projects.ts';
export * from './goals.ts';
export * from './evaluations.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './indicator-templates.ts';
export * from './change-requests.ts';
export * from './investment.ts';
export * from './monitoring.ts';
export * from './exante.ts';
export * from './import-mappings.ts';
export * from './publication.ts';
export * from './rectifications.ts';
export * from './external-evaluations.ts';
export * from './linkage.ts';
