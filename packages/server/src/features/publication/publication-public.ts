// The public page (no sign-in): what a region has published — each department's package of each year with its
// files, the publication URL and date — served as a plain server-rendered page (zh-CN, 公文-like) and the files
// themselves. Only packages recorded as published are listed or served; anything else is 404. It lives outside
// /api, so the session and CSRF middleware never see it; the edge middleware's security headers still apply.
import type { Context } from 'hono';
import type { App, AppDeps } from '../../http/app-env.ts';
import type { Db } from '../../db/open-db.ts';
import * as repo from './publication.repository.ts';
import { zipOf } from './publication.service.ts';

export const PUBLIC_PREFIX = '/public';
const REGION = /^[0-9]{6}$/;
const ID = /^[0-9a-f-]{36}$/;

export interface PublicPackage {
  publicationId: string;
  fiscalYear: number;
  departmentCode: string;
  departmentName: string;
  publishedOn: string | null;
  publicationUrl: string | null;
  files: { id: string; title: string; fileName: string; size: number; sha256: string }[];
}

export interface PublicListing {
  regionCode: string;
  regionName: string;
  packages: PublicPackage[];
}

/** What the region has published (null when the region does not exist). */
export async function publicListing(db: Db, regionCode: string): Promise<PublicListing | null> {
  const region = REGION.test(regionCode) ? await repo.findRegion(db, regionCode) : null;
  if (!region) {
    return null;
  }
  const rows = await repo.listPublished(db, regionCode);
  const packages = await Promise.all(
    rows.map(async ({ publication: p, departmentName }) => ({
      publicationId: p.id,
      fiscalYear: p.fiscalYear,
      departmentCode: p.departmentCode,
      departmentName,
      publishedOn: p.publishedOn,
      publicationUrl: p.publicationUrl,
      files: (await repo.listFileMeta(db, p.id)).map((f) => ({
        id: f.id,
        title: f.title,
        fileName: f.fileName,
        size: f.size,
        sha256: f.sha256,
      })),
    })),
  );
  return { regionCode: region.code, regionName: region.name, packages };
}

/** A published publication of the region, or null (unknown, other region, not published). */
async function publishedIn(db: Db, regionCode: string, publicationId: string) {
  const row = ID.test(publicationId) ? await repo.findPublicationById(db, publicationId) : null;
  return row?.status === 'published' && row.regionCode === regionCode ? row : null;
}

export async function publicFile(db: Db, regionCode: string, fileId: string) {
  const file = ID.test(fileId) ? await repo.findFile(db, fileId) : null;
  if (!file || !(await publishedIn(db, regionCode, file.publicationId))) {
    return null;
  }
  return file;
}

export async function publicZip(db: Db, regionCode: string, publicationId: string) {
  const row = await publishedIn(db, regionCode, publicationId);
  return row ? zipOf(row, await repo.listFiles(db, row.id)) : null;
}

// ---- the page ----

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const STYLE = `
body{font-family:"FangSong","仿宋","STFangsong","Songti SC","SimSun",serif;color:#222;margin:0;background:#f5f5f0}
main{max-width:960px;margin:0 auto;background:#fff;padding:48px 64px;min-height:100vh}
h1{font-family:"SimHei","黑体","Heiti SC",sans-serif;color:#b00;text-align:center;font-size:28px;
 border-bottom:3px solid #b00;padding-bottom:16px;margin:0 0 8px}
.sub{text-align:center;color:#555;margin:0 0 32px}
h2{font-family:"SimHei","黑体",sans-serif;font-size:20px;margin:32px 0 12px}
table{border-collapse:collapse;width:100%;font-size:15px}
th,td{border:1px solid #999;padding:6px 8px;vertical-align:top;text-align:left}
th{background:#f0f0f0}
ul{margin:0;padding-left:18px}
a{color:#0645ad}
.empty{color:#666}
footer{margin-top:40px;color:#777;font-size:13px;text-align:center}`;

function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

function packageRow(base: string, p: PublicPackage): string {
  const files = p.files
    .map(
      (f) =>
        `<li><a href="${base}/files/${esc(f.id)}">${esc(f.title)}</a>（${sizeText(f.size)}）</li>`,
    )
    .join('');
  const url = p.publicationUrl
    ? `<a href="${esc(p.publicationUrl)}" rel="noopener noreferrer">${esc(p.publicationUrl)}</a>`
    : '';
  return `<tr><td>${esc(p.departmentName)}</td><td>${esc(p.publishedOn ?? '')}</td><td>${url}</td>
<td><ul>${files}</ul><a href="${base}/packages/${esc(p.publicationId)}.zip">打包下载（zip）</a></td></tr>`;
}

export function renderPublicPage(listing: PublicListing): string {
  const base = `${PUBLIC_PREFIX}/${listing.regionCode}`;
  const years = [...new Set(listing.packages.map((p) => p.fiscalYear))];
  const sections = years.map((y) => {
    const rows = listing.packages.filter((p) => p.fiscalYear === y).map((p) => packageRow(base, p));
    return `<h2>${y}年度</h2><table><thead><tr><th style="width:22%">部门</th><th style="width:12%">公开时间</th>
<th style="width:24%">公开网址</th><th>公开材料</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  });
  const body =
    sections.length > 0 ? sections.join('') : '<p class="empty">本地区暂无已公开的绩效信息。</p>';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(listing.regionName)}预算绩效信息公开</title><style>${STYLE}</style></head>
<body><main><h1>${esc(listing.regionName)}预算绩效信息公开</h1>
<p class="sub">部门整体支出绩效自评报告、自评表及重点绩效评价结果（随部门决算公开）</p>${body}
<footer>谁评价、谁公开。本页仅列出各部门已登记公开的材料。</footer></main></body></html>`;
}

const NOT_FOUND_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>未找到</title>
<style>${STYLE}</style></head><body><main><h1>未找到</h1><p class="sub">该页面或文件不存在，或尚未公开。</p></main></body></html>`;

function notFoundPage(c: Context): Response {
  return c.html(NOT_FOUND_PAGE, 404, { 'cache-control': 'no-store' });
}

function download(c: Context, body: Buffer, type: string, name: string, inline: boolean) {
  return c.body(new Uint8Array(body), 200, {
    'content-type': type,
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
}

/** GET /public/{region}, /public/{region}/files/{id}, /public/{region}/packages/{id}.zip — no sign-in. */
export function registerPublicPages(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.get(`${PUBLIC_PREFIX}/:region`, async (c) => {
    const listing = await publicListing(db, c.req.param('region'));
    if (!listing) {
      return notFoundPage(c);
    }
    return c.html(renderPublicPage(listing), 200, { 'cache-control': 'no-cache' });
  });
  app.get(`${PUBLIC_PREFIX}/:region/files/:id`, async (c) => {
    const file = await publicFile(db, c.req.param('region'), c.req.param('id'));
    if (!file) {
      return notFoundPage(c);
    }
    const inline = file.contentType === 'application/pdf';
    return download(c, file.body, file.contentType, file.fileName, inline);
  });
  app.get(`${PUBLIC_PREFIX}/:region/packages/:file`, async (c) => {
    const id = c.req.param('file').replace(/\.zip$/, '');
    const zip = await publicZip(db, c.req.param('region'), id);
    if (!zip) {
      return notFoundPage(c);
    }
    return download(c, zip, 'application/zip', `绩效信息公开材料-${id.slice(0, 8)}.zip`, false);
  });
  app.get(`${PUBLIC_PREFIX}/*`, (c) => notFoundPage(c));
}
