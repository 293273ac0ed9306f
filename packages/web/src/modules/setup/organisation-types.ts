// The organisation API's shapes as the web uses them (GET /api/organisation/setup, POST /api/regions, the
// 单位名录 and accounts uploads).
export interface RegionView {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district';
  financeBureau: { code: string; name: string; shortName: string } | null;
}

export interface SetupStatus {
  needsSetup: boolean;
  regions: RegionView[];
  departments: number;
}

export interface Staffing {
  authorizedStaff: number;
  activeStaff: number;
  retiredStaff: number;
}

export interface AgencyPlanItem {
  row: number;
  code: string;
  name: string;
  kind: 'department' | 'unit';
  parentCode: string | null;
  action: 'create' | 'update' | 'unchanged';
  offices: string[];
  staffing: Staffing | null;
}

export interface ImportAgenciesResult {
  regionCode: string;
  fileName: string;
  dryRun: boolean;
  staffingYear: number;
  items: AgencyPlanItem[];
  counts: {
    departmentsCreated: number;
    unitsCreated: number;
    updated: number;
    unchanged: number;
    officesAdded: number;
    staffingWritten: number;
  };
}

export interface ImportedAccount {
  row: number;
  username: string;
  displayName: string;
  role: string;
  roleText: string;
  departmentCode: string | null;
  password: string | null;
}

export interface ImportUsersResult {
  fileName: string;
  dryRun: boolean;
  accounts: ImportedAccount[];
}

export interface UnitView {
  code: string;
  name: string;
  shortName: string;
  agencyType: string | null;
  active: boolean;
  staffing: Staffing | null;
}

export interface DepartmentView extends UnitView {
  functions: string[];
  offices: string[];
  units: UnitView[];
}

export interface RegionOrganisation {
  code: string;
  name: string;
  financeBureau: { code: string; name: string } | null;
  staffingYear: number | null;
  departments: DepartmentView[];
}
