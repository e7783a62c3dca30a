import { useEffect } from 'react';

export const APP_NAME = 'clustergraph';

/**
 * Every page names itself in the tab and in the history list. `undefined` leaves the title to a
 * component inside (a "not found" notice names itself).
 */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (title !== undefined) document.title = `${title} · ${APP_NAME}`;
  }, [title]);
}
