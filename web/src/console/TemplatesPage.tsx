/** Task templates: the list (ListTaskTemplates) and the editor for a new or an existing one. */
import { useCallback, useEffect, useState } from 'react';
import { consoleApi, type FlowSummary, type TemplateSummary } from '../api/console.js';
import { useI18n } from '../i18n/i18n.js';
import { useConsoleT } from '../i18n/console-messages.js';
import { ErrorMessage, describeError } from '../errors.js';
import { draftOf, emptyDraft, type TemplateDraft } from './template-form.js';
import { TemplateEditor } from './TemplateEditor.js';

export function TemplatesPage() {
  const { t, dateTime } = useI18n();
  const tc = useConsoleT();
  const [templates, setTemplates] = useState<TemplateSummary[]>();
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [error, setError] = useState<string>();
  const [draft, setDraft] = useState<TemplateDraft>();
  const [status, setStatus] = useState('');

  const reload = useCallback(() => {
    consoleApi
      .templates()
      .then(setTemplates)
      .catch((e: unknown) => setError(describeError(e, t)));
  }, [t]);

  useEffect(() => {
    reload();
    consoleApi
      .flows()
      .then(setFlows)
      .catch((e: unknown) => setError(describeError(e, t)));
  }, [reload, t]);

  const open = (id: string) => {
    setStatus('');
    consoleApi
      .template(id)
      .then((full) => setDraft(draftOf(full)))
      .catch((e: unknown) => setError(describeError(e, t)));
  };

  return (
    <section aria-labelledby="templates-title">
      <div className="section-head">
        <h2 id="templates-title">{tc('section.templates')}</h2>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setStatus('');
            setDraft(emptyDraft());
          }}
        >
          {tc('tpl.new')}
        </button>
      </div>
      <ErrorMessage error={error} onDismiss={() => setError(undefined)} />
      <p role="status">{status}</p>
      {templates === undefined ? (
        <p>{t('app.loading')}</p>
      ) : templates.length === 0 ? (
        <p>{tc('tpl.none')}</p>
      ) : (
        <table className="table" data-testid="templates">
          <thead>
            <tr>
              <th scope="col">{tc('tpl.name')}</th>
              <th scope="col">{tc('tpl.description')}</th>
              <th scope="col">{tc('tpl.status')}</th>
              <th scope="col">{tc('tpl.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((tpl) => (
              <tr key={tpl.Id}>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => open(tpl.Id)}
                    aria-label={tc('tpl.edit', { name: tpl.Name })}
                  >
                    {tpl.Name}
                  </button>
                </td>
                <td className="text-value">{tpl.Description ?? ''}</td>
                <td>{tc(tpl.Status === 'INACTIVE' ? 'tpl.INACTIVE' : 'tpl.ACTIVE')}</td>
                <td>{tpl.LastModifiedTime ? dateTime(tpl.LastModifiedTime) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draft && (
        <TemplateEditor
          key={draft.id ?? 'new'}
          initial={draft}
          flows={flows}
          onClose={() => setDraft(undefined)}
          onSaved={(name) => {
            setDraft(undefined);
            setStatus(tc('tpl.saved', { name }));
            reload();
          }}
        />
      )}
    </section>
  );
}
