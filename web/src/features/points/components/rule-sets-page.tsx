import { useId, useState, type FormEvent } from 'react';

import { useAccount } from '@/shared/auth/use-session';
import { useI18n } from '@/shared/i18n/i18n-context';
import { isIsoDate, todayIsoDate } from '@/shared/lib/calendar-date';
import { ConfirmDialog } from '@/shared/ui/confirm-dialog';
import { DataTable, type Column } from '@/shared/ui/data-table';
import { Panel } from '@/shared/ui/panel';
import { BlockSkeleton, TableSkeleton } from '@/shared/ui/skeleton';
import { TextField } from '@/shared/ui/text-field';

import { useActivateRuleSet, useCreateRuleSet, useRuleSet, useRuleSets } from '../api/rule-sets';
import type { RuleSetDetail, RuleSetStatus, RuleSetVersion } from '../api/types';
import { RuleSetError } from './rule-set-error';
import { SimulationPanel } from './simulation-panel';

const STATUS_TONE: Record<RuleSetStatus, string> = {
  draft: 'badge--running',
  active: 'badge--completed',
  retired: '',
};

/** The version the editor opens with: the newest active one, else the newest of all. */
export function defaultVersion(versions: RuleSetVersion[]): number | null {
  const newest = (list: RuleSetVersion[]) =>
    list.reduce<number | null>(
      (best, row) => (best === null || row.version > best ? row.version : best),
      null,
    );
  return newest(versions.filter((row) => row.status === 'active')) ?? newest(versions);
}

function ActivateDialog({ version, onClose }: { version: RuleSetVersion; onClose: () => void }) {
  const { t } = useI18n();
  const activate = useActivateRuleSet();
  const [effectiveFrom, setEffectiveFrom] = useState(todayIsoDate());
  const [invalid, setInvalid] = useState(false);
  return (
    <ConfirmDialog
      title={t('rules.activate.title', { version: version.version, name: version.name })}
      confirmLabel={t('rules.activate')}
      busy={activate.isPending}
      onCancel={onClose}
      onConfirm={() => {
        const valid = isIsoDate(effectiveFrom);
        setInvalid(!valid);
        if (valid)
          activate.mutate({ version: version.version, effectiveFrom }, { onSuccess: onClose });
      }}
    >
      <p>{t('rules.activate.body')}</p>
      <TextField
        label={t('rules.effectiveFrom')}
        type="date"
        value={effectiveFrom}
        error={invalid ? t('member.birthDate.invalid') : null}
        onChange={(event) => setEffectiveFrom(event.target.value)}
      />
      {activate.isError && (
        <RuleSetError error={activate.error} title={t('rules.activate.failed')} />
      )}
    </ConfirmDialog>
  );
}

function VersionsTable({
  versions,
  editing,
  onOpen,
}: {
  versions: RuleSetVersion[];
  editing: number | null;
  onOpen: (version: number) => void;
}) {
  const { t, format } = useI18n();
  const canActivate = useAccount().role === 'super_admin';
  const [activating, setActivating] = useState<RuleSetVersion | null>(null);
  const columns: Column<RuleSetVersion>[] = [
    {
      id: 'version',
      header: t('rules.version'),
      numeric: true,
      cell: (row) => format.integer(row.version),
      sortValue: (row) => row.version,
    },
    { id: 'name', header: t('rules.name'), rowHeader: true, cell: (row) => row.name },
    {
      id: 'status',
      header: t('member.status'),
      cell: (row) => (
        <span className={`badge ${STATUS_TONE[row.status]}`} data-rule-status={row.status}>
          {t(`ruleStatus.${row.status}`)}
        </span>
      ),
    },
    {
      id: 'effective_from',
      header: t('rules.effectiveFrom'),
      cell: (row) => (row.effective_from ? format.dateTime(row.effective_from) : ''),
    },
    {
      id: 'created_at',
      header: t('rules.createdAt'),
      cell: (row) => format.dateTime(row.created_at),
    },
    {
      id: 'actions',
      header: t('cards.actions'),
      cell: (row) => (
        <span className="row-actions">
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={row.version === editing}
            onClick={() => onOpen(row.version)}
          >
            {t('rules.open')}
          </button>
          {canActivate && row.status === 'draft' && (
            <button
              type="button"
              className="button button--small"
              onClick={() => setActivating(row)}
            >
              {t('rules.activate')}
            </button>
          )}
        </span>
      ),
    },
  ];
  return (
    <>
      <DataTable
        caption={t('rules.versions')}
        columns={columns}
        rows={versions}
        rowKey={(row) => String(row.version)}
        initialSort={{ columnId: 'version', direction: 'descending' }}
      />
      {activating && <ActivateDialog version={activating} onClose={() => setActivating(null)} />}
    </>
  );
}

/** Returns the document's own name, when it has one. */
function documentName(document: unknown): string | null {
  if (typeof document !== 'object' || document === null) return null;
  const name = (document as Record<string, unknown>).name;
  return typeof name === 'string' ? name : null;
}

/**
 * Edits a rule set document as JSON, prefilled from `source`, saves it as a new draft and
 * simulates it over past sales. The server validates the document; its errors name the path.
 */
function RuleEditor({ source }: { source: RuleSetDetail | null }) {
  const { t } = useI18n();
  const textId = useId();
  const errorId = useId();
  const create = useCreateRuleSet();
  const [text, setText] = useState(() => JSON.stringify(source?.document ?? {}, null, 2));
  const [name, setName] = useState(() => documentName(source?.document) ?? source?.name ?? '');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [nameMissing, setNameMissing] = useState(false);

  // Returns the parsed document, or null after showing why the text is not a JSON object.
  const readDocument = (): unknown => {
    try {
      const document: unknown = JSON.parse(text);
      if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        setJsonError(t('rules.notObject'));
        return null;
      }
      setJsonError(null);
      return document;
    } catch (error) {
      setJsonError(t('rules.jsonInvalid', { message: (error as Error).message }));
      return null;
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const missing = name.trim() === '';
    setNameMissing(missing);
    const document = readDocument();
    if (missing || document === null) return;
    create.mutate({ name: name.trim(), document });
  };

  return (
    <>
      <form className="rule-editor" onSubmit={save} noValidate>
        {source && (
          <p className="muted">
            {t('rules.editing', { version: source.version, name: source.name })}
          </p>
        )}
        <TextField
          label={t('rules.name')}
          value={name}
          maxLength={100}
          error={nameMissing ? t('form.required') : null}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="field">
          <label className="field__label" htmlFor={textId}>
            {t('rules.document')}
          </label>
          <textarea
            id={textId}
            className="rule-editor__text"
            value={text}
            rows={24}
            spellCheck={false}
            aria-invalid={jsonError ? true : undefined}
            aria-describedby={jsonError ? errorId : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setJsonError(null);
            }}
          />
          <span className="field__help">{t('rules.document.help')}</span>
          {jsonError && (
            <p className="field__error" id={errorId}>
              {jsonError}
            </p>
          )}
        </div>
        {create.isError && <RuleSetError error={create.error} title={t('rules.saveFailed')} />}
        {create.isSuccess && (
          <p className="notice" role="status">
            {t('rules.saved', { version: create.data.version })}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('rules.saveDraft')}
          </button>
        </div>
      </form>
      <SimulationPanel readDocument={readDocument} />
    </>
  );
}

/**
 * Renders the rule set versions with their status, the JSON editor with its simulation, and, for
 * the super admin only, the activation of a draft from an effective date.
 */
export function RuleSetsPage() {
  const { t } = useI18n();
  const versions = useRuleSets();
  const [chosen, setChosen] = useState<number | null>(null);
  const editing = chosen ?? (versions.data ? defaultVersion(versions.data) : null);
  const source = useRuleSet(editing);
  const editorLoading = versions.isPending || (editing !== null && source.isPending);

  return (
    <div className="dashboard-grid">
      <Panel
        title={t('rules.versions')}
        className="panel--wide"
        state={{
          isLoading: versions.isPending,
          error: versions.error,
          isEmpty: versions.data?.length === 0,
        }}
        emptyText={t('rules.none')}
        skeleton={<TableSkeleton rows={3} columns={5} />}
        onRetry={() => void versions.refetch()}
      >
        {versions.data && (
          <VersionsTable versions={versions.data} editing={editing} onOpen={setChosen} />
        )}
      </Panel>
      <Panel
        title={t('rules.editor')}
        className="panel--wide"
        state={{ isLoading: editorLoading, error: versions.error ?? source.error }}
        skeleton={<BlockSkeleton height="20rem" />}
        onRetry={() => void (versions.isError ? versions.refetch() : source.refetch())}
      >
        <RuleEditor key={editing ?? 'new'} source={source.data ?? null} />
      </Panel>
    </div>
  );
}
