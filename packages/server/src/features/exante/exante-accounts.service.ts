// Accounts of a registered 第三方机构 (三员分立): the system administrator (or the command line) creates a
// thirdParty account for an agency the finance bureau registered; the account and its membership are written in
// one transaction, each with its audit entry. The account then sees only the items assigned to its agency.
import type { Db } from '../../db/open-db.ts';
import { isCli, type Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError } from '../../http/service-error.ts';
import { createUser, type AdminUserView } from '../accounts/accounts.service.ts';
import * as repo from './exante.repository.ts';

export interface AgencyAccountInput {
  agencyCode: string;
  /** Needed from the command line when two regions registered the same agency code. */
  regionCode?: string | undefined;
  username: string;
  displayName: string;
  password?: string | undefined;
  mustChangePassword?: boolean | undefined;
}

async function agencyFor(db: Db, actor: Actor, code: string, regionCode: string | undefined) {
  const region = isCli(actor) ? regionCode : actor.regionCode;
  const found = (await repo.findAgenciesByCode(db, code.trim())).filter(
    (a) => region === undefined || a.regionCode === region,
  );
  if (found.length > 1) {
    throw new ServiceError('EXANTE_REGION_REQUIRED');
  }
  const agency = found[0];
  if (!agency) {
    throw new ServiceError('EXANTE_AGENCY_UNKNOWN', { agency: code });
  }
  return agency;
}

/** POST /api/exante/agency-accounts and `jixiao users create --role thirdParty --agency CODE`. */
export async function createAgencyAccount(
  db: Db,
  actor: Actor,
  input: AgencyAccountInput,
  now: Date,
): Promise<{ user: AdminUserView; generatedPassword: string | null; agency: string }> {
  assertPermission(actor, 'user.manage');
  const agency = await agencyFor(db, actor, input.agencyCode, input.regionCode);
  return db.transaction(async (tx) => {
    const created = await createUser(
      tx,
      actor,
      {
        username: input.username,
        displayName: input.displayName,
        role: 'thirdParty',
        departmentCode: null,
        ...(input.password !== undefined ? { password: input.password } : {}),
        ...(input.mustChangePassword !== undefined
          ? { mustChangePassword: input.mustChangePassword }
          : {}),
      },
      now,
    );
    const userId = created.user.id;
    if (created.user.regionCode !== agency.regionCode) {
      await repo.setUserRegion(tx, userId, agency.regionCode);
    }
    await repo.upsertMember(tx, {
      regionCode: agency.regionCode,
      fiscalYear: agency.fiscalYear,
      agencyId: agency.id,
      userId,
    });
    await auditInTx(tx, actor, {
      action: 'exante.agency.account',
      entity: 'exante_agency_members',
      entityId: userId,
      departmentCode: null,
      before: null,
      after: { agency: agency.code, username: created.user.username, region: agency.regionCode },
    });
    return {
      user: { ...created.user, regionCode: agency.regionCode },
      generatedPassword: created.generatedPassword,
      agency: agency.code,
    };
  });
}

/** The agencies of the administrator's region with their accounts (the web admin page). */
export async function listAgencyAccounts(db: Db, actor: Actor) {
  assertPermission(actor, 'user.read');
  if (isCli(actor)) {
    throw new ServiceError('EXANTE_REGION_REQUIRED');
  }
  const [agencies, members] = await Promise.all([
    repo.listAgencies(db, actor.regionCode),
    repo.agencyMembers(db, actor.regionCode),
  ]);
  return agencies.map((a) => ({
    id: a.id,
    code: a.code,
    name: a.name,
    accounts: members
      .filter((m) => m.agencyId === a.id)
      .map((m) => ({ username: m.username, displayName: m.displayName, disabled: m.disabled })),
  }));
}
