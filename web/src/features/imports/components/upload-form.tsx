import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';

import type { UploadProgress } from '@/shared/api/upload';
import { useI18n } from '@/shared/i18n/i18n-context';
import { ErrorState } from '@/shared/ui/states';

import { useCreateImport } from '../api/create-import';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from '../api/types';
import { ImportOptionsFields } from './import-options-fields';

// File types the importer reads: CSV and TSV, JSON arrays and JSON lines, XLSX, each also gzipped.
const ACCEPTED_FILES = '.csv,.tsv,.txt,.json,.jsonl,.ndjson,.xlsx,.gz';

/** Chooses a file and its options, uploads it and opens the new import's page. */
export function UploadForm() {
  const { t, format } = useI18n();
  const navigate = useNavigate();
  const fileId = useId();
  const fileHelpId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<ImportOptions>(DEFAULT_IMPORT_OPTIONS);
  const [fileMissing, setFileMissing] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const upload = useCreateImport(setProgress);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileMissing(true);
      return;
    }
    setProgress(null);
    upload.mutate(
      { file, options },
      { onSuccess: (record) => void navigate(`/imports/${record.id}`) },
    );
  };

  const percent = progress && progress.total > 0 ? progress.loaded / progress.total : null;

  return (
    <form className="upload-form" onSubmit={submit} noValidate aria-busy={upload.isPending}>
      <p className="muted">{t('imports.upload.intro')}</p>
      <div className="field">
        <label className="field__label" htmlFor={fileId}>
          {t('imports.file')}
        </label>
        <input
          id={fileId}
          type="file"
          name="file"
          accept={ACCEPTED_FILES}
          required
          aria-invalid={fileMissing}
          aria-describedby={fileHelpId}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setFileMissing(false);
          }}
        />
        <span className={fileMissing ? 'field__error' : 'field__help'} id={fileHelpId}>
          {fileMissing
            ? t('imports.file.required')
            : file && t('imports.file.chosen', { name: file.name, size: format.bytes(file.size) })}
        </span>
      </div>
      <ImportOptionsFields options={options} onChange={setOptions} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={upload.isPending}>
          {t('imports.submit')}
        </button>
        {upload.isPending && (
          <label className="upload-progress">
            <span>{t('imports.uploading', { percent: format.percent(percent) })}</span>
            <progress max={1} value={percent ?? undefined} />
          </label>
        )}
      </div>
      {upload.isError && <ErrorState error={upload.error} title={t('imports.uploadFailed')} />}
    </form>
  );
}
