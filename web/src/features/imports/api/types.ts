// The JSON shapes of the import routes.

/** `queued` while an earlier upload is still importing: imports run one at a time. */
export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed';

/** One run of an import: its file, options, progress and counts. Instants are ISO 8601 UTC. */
export interface ImportRecord {
  id: number;
  source_name: string;
  /** "csv", "json", "xlsx", with "+gz" when compressed; null until the file is opened. */
  format: string | null;
  status: ImportStatus;
  started_at: string | null;
  finished_at: string | null;
  /** 0-100; null when the size of the input is unknown (a compressed stream, say). */
  percent: number | null;
  /** The path of the rejects route; null when no row was rejected. */
  rejects_url?: string | null;
  bytes_total: number;
  bytes_read: number;
  lines_read: number;
  imported: number;
  duplicates: number;
  rejected: number;
  error: string | null;
  dry_run: boolean;
}

/** A row the importer did not store, with the reason. */
export interface RejectedRow {
  /** Line of the source file; 0 when the importer could not tell. */
  line: number;
  column: string;
  value: string;
  reason: string;
}

/** The options of POST /imports, as query parameters; empty strings mean "detect". */
export interface ImportOptions {
  preset: string;
  locale: '' | 'it-IT' | 'en-US';
  encoding: '' | 'utf-8' | 'windows-1252';
  /** `tab` stands for the tab character, as on the command line. */
  delimiter: '' | ',' | ';' | 'tab' | '|';
  date_format: string;
  dry_run: boolean;
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = {
  preset: '',
  locale: '',
  encoding: '',
  delimiter: '',
  date_format: '',
  dry_run: false,
};
