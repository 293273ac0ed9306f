// The data of the 预算执行 page: the execution report (every project with budget, execution and rate), one page of
// the expenditure ledger with its filters, and the import history; `refresh` after an import.
import { useMemo, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { useDeptCode } from '../../app/dept-code.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import {
  readImports,
  readLedger,
  readProjects,
  readTotals,
  type Execution,
  type ImportBatch,
  type LedgerPage,
} from './execution-data.ts';

export const LEDGER_PAGE = 50;

function useLedger(dept: string, year: number) {
  const [page, setPage] = useState(1);
  const [project, setProject] = useState<string | undefined>(undefined);
  const [month, setMonth] = useState<number | undefined>(undefined);
  const ledger = useApi<LedgerPage>(`${dept}/ledger`, {
    year,
    page,
    pageSize: LEDGER_PAGE,
    project,
    month,
  });
  const data = useMemo(() => readLedger(ledger.data), [ledger.data]);
  const filter = (f: { project?: string; month?: number }) => {
    if ('project' in f) {
      setProject(f.project);
    }
    if ('month' in f) {
      setMonth(f.month);
    }
    setPage(1);
  };
  return { ledger, data, page, setPage, project, month, filter };
}

export type Ledger = ReturnType<typeof useLedger>;

export function useExecution() {
  const code = useDeptCode();
  const { year } = useWorkspace();
  const dept = `/api/departments/${encodeURIComponent(code)}`;
  // the execution report carries every project with its budget, execution and rate
  const projects = useApi<Execution>(`${dept}/execution`, { year });
  const ledger = useLedger(dept, year);
  const imports = useApi<ImportBatch[]>(`${dept}/imports`, { year });
  const projectRows = useMemo(() => readProjects(projects.data), [projects.data]);
  const totals = useMemo(() => readTotals(projects.data), [projects.data]);
  const importRows = useMemo(() => readImports(imports.data), [imports.data]);
  const refresh = () => {
    projects.reload();
    ledger.ledger.reload();
    imports.reload();
  };
  return { dept, projects, projectRows, totals, ledger, imports, importRows, refresh };
}
