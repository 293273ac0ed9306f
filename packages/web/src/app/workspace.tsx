// The working context after sign-in: the departments the user may see and the chosen fiscal year.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useApi } from '../api/use-api.ts';
import type { DepartmentProfile, DepartmentSummary, FiscalYearListing } from '../api/types.ts';
import { useUser } from './auth.tsx';

const YEAR_KEY = 'jixiao.year';

interface WorkspaceValue {
  departments: DepartmentSummary[];
  departmentsLoading: boolean;
  /** Years with data plus the fiscal years the region's finance bureau opened (newest first). */
  years: number[];
  year: number;
  setYear: (y: number) => void;
  departmentName: (code: string) => string;
  /** The region's fiscal years (GET /api/regions/{code}/fiscal-years); undefined while loading or for admins. */
  fiscalYears: FiscalYearListing | undefined;
  /** Re-read departments and fiscal years (after a year was opened). */
  reloadYears: () => void;
}

const WorkspaceContext = createContext<WorkspaceValue | null>(null);

function storedYear(): number | null {
  try {
    const v = Number(localStorage.getItem(YEAR_KEY));
    return Number.isInteger(v) && v >= 2000 && v <= 2100 ? v : null;
  } catch {
    return null;
  }
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const deps = useApi<DepartmentSummary[]>('/api/departments');
  const businessRole =
    user.role === 'clerk' || user.role === 'deptHead' || user.role === 'financeReviewer';
  const fy = useApi<FiscalYearListing>(
    businessRole ? `/api/regions/${encodeURIComponent(user.regionCode)}/fiscal-years` : null,
  );
  const departments = useMemo(() => deps.data ?? [], [deps.data]);
  // years with data come first when nothing was chosen; opened years (planning) are offered too
  const dataYears = useMemo(() => {
    const set = new Set<number>();
    for (const d of departments) {
      for (const y of d.years) {
        set.add(y);
      }
    }
    return [...set].sort((a, b) => b - a);
  }, [departments]);
  const years = useMemo(() => {
    const set = new Set<number>(dataYears);
    for (const y of fy.data?.years ?? []) {
      set.add(y.year);
    }
    if (set.size === 0) {
      set.add(new Date().getFullYear());
    }
    return [...set].sort((a, b) => b - a);
  }, [dataYears, fy.data]);
  const [chosen, setChosen] = useState<number | null>(storedYear);
  const loading = deps.loading || fy.loading;
  const year =
    chosen !== null && (years.includes(chosen) || loading)
      ? chosen
      : (dataYears[0] ?? years[0] ?? new Date().getFullYear());
  const setYear = useCallback((y: number) => {
    setChosen(y);
    try {
      localStorage.setItem(YEAR_KEY, String(y));
    } catch {
      // not persisted
    }
  }, []);
  const departmentName = useCallback(
    (code: string) => departments.find((d) => d.code === code)?.name ?? code,
    [departments],
  );
  const reloadDeps = deps.reload;
  const reloadFy = fy.reload;
  const reloadYears = useCallback(() => {
    reloadDeps();
    reloadFy();
  }, [reloadDeps, reloadFy]);
  const value = useMemo(
    () => ({
      departments,
      departmentsLoading: deps.loading,
      years,
      year,
      setYear,
      departmentName,
      fiscalYears: fy.data,
      reloadYears,
    }),
    [departments, deps.loading, years, year, setYear, departmentName, fy.data, reloadYears],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceValue {
  const v = useContext(WorkspaceContext);
  if (!v) {
    throw new Error('useWorkspace outside WorkspaceProvider');
  }
  return v;
}

export function useYear(): number {
  return useWorkspace().year;
}

/** The region's name (广州市海珠区), read from the first visible department's profile. */
export function useRegionName(enabled: boolean): string | null {
  const { departments, year } = useWorkspace();
  const first = enabled ? departments[0]?.code : undefined;
  const profile = useApi<DepartmentProfile>(
    first ? `/api/departments/${encodeURIComponent(first)}` : null,
    { year },
  );
  return profile.data?.regionName ?? null;
}
