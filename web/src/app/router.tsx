import { createBrowserRouter, type RouteObject } from 'react-router';

import { AppLayout } from './layout';
import { DashboardRoute } from './routes/dashboard';
import { ImportRoute } from './routes/import';
import { ImportsRoute } from './routes/imports';
import { NotFoundRoute } from './routes/not-found';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <DashboardRoute /> },
      { path: 'imports', element: <ImportsRoute /> },
      { path: 'imports/:importId', element: <ImportRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
