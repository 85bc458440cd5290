import { useEffect } from 'react';

/** Sets the browser tab's title to "`title` · `appName`" while the page is shown. */
export function useDocumentTitle(title: string, appName: string): void {
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);
}
