// The organisation API's shapes as the web uses them (GET /api/organisation/setup, POST /api/regions, the
// 单位名录 and accounts uploads), as aliases of the schemas generated from docs/openapi.json.
import type { Schema } from '../../api/schema.ts';

export type RegionView = Schema<'Region'>;
export type SetupStatus = Schema<'SetupStatus'>;
export type ImportAgenciesResult = Schema<'ImportAgenciesResult'>;
export type AgencyPlanItem = ImportAgenciesResult['items'][number];
export type Staffing = NonNullable<AgencyPlanItem['staffing']>;
export type ImportUsersResult = Schema<'ImportUsersResult'>;
export type ImportedAccount = ImportUsersResult['accounts'][number];
export type RegionOrganisation = Schema<'RegionOrganisation'>;
export type DepartmentView = RegionOrganisation['departments'][number];
export type UnitView = DepartmentView['units'][number];
