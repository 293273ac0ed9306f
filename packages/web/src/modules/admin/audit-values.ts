// How a value of the audit log's before/after view reads: yes/no, role names, lists and small objects in words.
import type { Lang } from '../../i18n/i18n.tsx';

const ROLE_NAMES: Record<string, { zh: string; en: string }> = {
  clerk: { zh: '部门填报员', en: 'Department clerk' },
  deptHead: { zh: '部门负责人', en: 'Department head' },
  financeReviewer: { zh: '财政局审核员', en: 'Finance reviewer' },
  systemAdmin: { zh: '系统管理员', en: 'System administrator' },
  securityAdmin: { zh: '安全管理员', en: 'Security administrator' },
  auditAdmin: { zh: '审计管理员', en: 'Audit administrator' },
  thirdParty: { zh: '第三方机构', en: 'Third-party agency' },
  system: { zh: '系统', en: 'System' },
  anonymous: { zh: '未登录访问者', en: 'Not signed in' },
};

/** Writers that are not accounts: the server itself, the command line, an anonymous caller. */
const SPECIAL_ACTORS: Record<string, { zh: string; en: string }> = {
  system: { zh: '系统（自动）', en: 'System (automatic)' },
  cli: { zh: '命令行（服务器本机）', en: 'Command line (on the server)' },
  anonymous: { zh: '未登录访问者', en: 'Not signed in' },
};

/** The name of an entry's actor: the account's name, or what a non-account writer is called. */
export function actorText(actorName: string | null, username: string, lang: Lang): string {
  return actorName ?? SPECIAL_ACTORS[username]?.[lang] ?? username;
}

export function roleName(role: string, lang: Lang): string {
  const r = ROLE_NAMES[role];
  return r ? r[lang] : role;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value as text ("—" when empty); internal ids are left out. */
export function valueText(v: unknown, lang: Lang): string {
  if (v === null || v === undefined || v === '') {
    return '—';
  }
  if (typeof v === 'boolean') {
    return lang === 'en' ? (v ? 'yes' : 'no') : v ? '是' : '否';
  }
  if (typeof v === 'number') {
    return String(v);
  }
  if (typeof v === 'string') {
    if (UUID.test(v)) {
      return '…';
    }
    if (ISO_TIME.test(v)) {
      return new Date(v).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
        timeZone: 'Asia/Shanghai',
      });
    }
    return ROLE_NAMES[v] ? roleName(v, lang) : v;
  }
  if (Array.isArray(v)) {
    return v.map((x) => valueText(x, lang)).join(lang === 'en' ? ', ' : '、');
  }
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .filter(([k, x]) => !/(^id$|Id$)/.test(k) && x !== null && x !== undefined)
      .map(([k, x]) => `${k}: ${valueText(x, lang)}`)
      .join(lang === 'en' ? '; ' : '；');
  }
  return '—';
}
