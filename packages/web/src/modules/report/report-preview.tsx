// The report's HTML (from the API, rendered by core's renderer) in a page-like frame. In edit mode a click on
// a paragraph opens an editor in its place (portal): save stores an override, revert deletes it.
import { Button, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../../i18n/i18n.tsx';

/** The title of the section a paragraph belongs to (the nearest heading before it), as the editor names it. */
function sectionTitle(p: HTMLElement): string {
  const lead = (p.querySelector('.jx-lead')?.textContent ?? '').trim().replace(/[：:。]$/, '');
  for (let el: Element | null = p; el; el = el.parentElement) {
    for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (/^H[1-6]$/.test(sib.tagName)) {
        const heading = (sib.textContent ?? '').trim();
        return lead ? `${heading} · ${lead}` : heading;
      }
    }
  }
  return lead;
}

interface Editing {
  /** The paragraph's section title (its key is internal). */
  title: string;
  key: string;
  text: string;
  overridden: boolean;
  paragraph: HTMLElement;
  host: HTMLElement;
}

/** The paragraph's own text (without the bold lead-in the template keeps). */
export function paragraphText(p: HTMLElement): string {
  const clone = p.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('.jx-lead').forEach((el) => el.remove());
  return (clone.textContent ?? '').trim();
}

export function ReportPreview({
  html,
  editMode,
  onSave,
  onRevert,
}: {
  html: string;
  editMode: boolean;
  onSave: (key: string, text: string) => Promise<boolean>;
  onRevert: (key: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  const close = (e: Editing | null) => {
    if (!e) {
      return;
    }
    e.host.remove();
    e.paragraph.classList.remove('jx-editing-hidden');
  };

  useEffect(() => {
    // new HTML or leaving edit mode: drop any open editor
    setEditing((prev) => {
      close(prev);
      return null;
    });
  }, [html, editMode]);

  useEffect(() => {
    const root = ref.current;
    if (!root) {
      return;
    }
    root.querySelectorAll<HTMLElement>('.jx-figure[data-source]').forEach((f) => {
      const note = f.dataset['sourceNote'];
      f.title = `${t('report.figureSource')}：${note ? `${note} · ` : ''}${f.dataset['source'] ?? ''}`;
    });
    root.querySelectorAll<HTMLElement>('p[data-key]').forEach((p) => {
      if (editMode) {
        p.tabIndex = 0;
        p.setAttribute('role', 'button');
        p.setAttribute('aria-label', `${t('report.editing')}：${paragraphText(p).slice(0, 30)}`);
      } else {
        p.removeAttribute('tabindex');
        p.removeAttribute('role');
        p.removeAttribute('aria-label');
      }
    });
  }, [html, editMode, t]);

  const open = (p: HTMLElement) => {
    const key = p.dataset['key'];
    if (!key) {
      return;
    }
    const host = document.createElement('div');
    host.className = 'jx-para-editor-host';
    p.after(host);
    p.classList.add('jx-editing-hidden');
    setEditing((prev) => {
      close(prev);
      return {
        key,
        title: sectionTitle(p),
        text: paragraphText(p),
        overridden: p.dataset['overridden'] === 'true',
        paragraph: p,
        host,
      };
    });
  };

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    if (!editMode) {
      return;
    }
    const p = (e.target as HTMLElement).closest<HTMLElement>('p[data-key]');
    if (p && ref.current?.contains(p)) {
      open(p);
    }
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (!editMode || (e.key !== 'Enter' && e.key !== ' ')) {
      return;
    }
    const p = e.target as HTMLElement;
    if (p.matches('p[data-key]')) {
      e.preventDefault();
      open(p);
    }
  };

  return (
    <>
      <div
        ref={ref}
        className={`jx-paper${editMode ? ' jx-paper-edit' : ''}`}
        onClick={onClick}
        onKeyDown={onKeyDown}
        // the HTML is rendered by core's renderer on the server from escaped text
        dangerouslySetInnerHTML={{ __html: html }}
        data-testid="report-preview"
      />
      {editing &&
        createPortal(
          <ParagraphEditor
            key={editing.key}
            editing={editing}
            onCancel={() => {
              close(editing);
              setEditing(null);
            }}
            onSave={onSave}
            onRevert={onRevert}
          />,
          editing.host,
        )}
      {editMode && (
        <Typography.Paragraph className="jx-muted">{t('report.editHint')}</Typography.Paragraph>
      )}
    </>
  );
}

function ParagraphEditor({
  editing,
  onCancel,
  onSave,
  onRevert,
}: {
  editing: Editing;
  onCancel: () => void;
  onSave: (key: string, text: string) => Promise<boolean>;
  onRevert: (key: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(editing.text);
  const [busy, setBusy] = useState<null | 'save' | 'revert'>(null);
  const empty = text.trim() === '';
  return (
    <div className="jx-para-editor" data-testid="paragraph-editor">
      <div className="jx-para-editor-head">
        <span>
          {t('report.editing')} <strong>{editing.title}</strong>
        </span>
        {editing.overridden && <Tag color="orange">{t('report.overridden')}</Tag>}
      </div>
      <Input.TextArea
        autoFocus
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 14 }}
        status={empty ? 'error' : undefined}
        aria-label={t('report.editing')}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            onCancel();
          }
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !empty) {
            setBusy('save');
            void onSave(editing.key, text.trim()).finally(() => setBusy(null));
          }
        }}
      />
      {empty && <div className="jx-field-error">{t('report.empty')}</div>}
      <Space className="jx-para-editor-actions">
        <Button
          type="primary"
          size="small"
          disabled={empty}
          loading={busy === 'save'}
          onClick={() => {
            setBusy('save');
            void onSave(editing.key, text.trim()).finally(() => setBusy(null));
          }}
          data-testid="paragraph-save"
        >
          {t('app.save')}
        </Button>
        {editing.overridden && (
          <Button
            size="small"
            loading={busy === 'revert'}
            onClick={() => {
              setBusy('revert');
              void onRevert(editing.key).finally(() => setBusy(null));
            }}
            data-testid="paragraph-revert"
          >
            {t('report.revert')}
          </Button>
        )}
        <Button size="small" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
        <span className="jx-muted">
          Ctrl+Enter {t('app.save')} · Esc {t('app.cancel')}
        </span>
      </Space>
    </div>
  );
}
