import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { QueryParams } from '@/shared/api/client';
import { apiUpload, type UploadProgress } from '@/shared/api/upload';

import type { ImportOptions, ImportRecord } from './types';

/** Builds the query of POST /imports: the file name and only the options the user set. */
export function importParams(filename: string, options: ImportOptions): QueryParams {
  return {
    filename,
    preset: options.preset || undefined,
    locale: options.locale || undefined,
    encoding: options.encoding || undefined,
    delimiter: options.delimiter || undefined,
    date_format: options.date_format.trim() || undefined,
    dry_run: options.dry_run ? true : undefined,
  };
}

/**
 * Uploads `file` as the raw request body. The server stores it, responds 202 with the new import
 * record and imports in the background.
 */
export function createImport(
  file: File,
  options: ImportOptions,
  onProgress?: (progress: UploadProgress) => void,
): Promise<ImportRecord> {
  return apiUpload<ImportRecord>('/imports', importParams(file.name, options), file, {
    ...(onProgress ? { onProgress } : {}),
  });
}

export function useCreateImport(onProgress: (progress: UploadProgress) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, options }: { file: File; options: ImportOptions }) =>
      createImport(file, options, onProgress),
    onSuccess: (record) => {
      queryClient.setQueryData(['import', record.id], record);
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
    },
  });
}
