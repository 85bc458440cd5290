import { createBrowserRouter, type RouteObject } from 'react-router';

import { ADMIN_ROLES, CUSTOMER_ROLES } from '@/shared/auth/account';

import { RequireRole, SessionGate } from './guards';
import { AppLayout, PublicLayout } from './layout';
import { ForgotPasswordRoute, ResetPasswordRoute, SignInRoute, SignUpRoute } from './routes/auth';
import {
  CardRoute,
  MyPointsRoute,
  ProfileRoute,
  PurchasesRoute,
  RewardsRoute,
  VouchersRoute,
} from './routes/customer';
import { DashboardRoute } from './routes/dashboard';
import { ImportRoute } from './routes/import';
import { ImportsRoute } from './routes/imports';
import { MemberRoute, MembersRoute } from './routes/members';
import { NotFoundRoute } from './routes/not-found';
import {
  PointsOverviewRoute,
  PointsRewardsRoute,
  PointsRulesRoute,
  PointsVouchersRoute,
} from './routes/points';

const ALL_ROLES = [...ADMIN_ROLES, ...CUSTOMER_ROLES];

// Every page but the public ones needs a session; each area checks the role. The reset page's
// path is the one the server's reset messages link to.
export const routes: RouteObject[] = [
  {
    element: <SessionGate />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: 'sign-in', element: <SignInRoute /> },
          { path: 'sign-up', element: <SignUpRoute /> },
          { path: 'forgot-password', element: <ForgotPasswordRoute /> },
          { path: 'reset-password', element: <ResetPasswordRoute /> },
        ],
      },
      {
        element: <RequireRole roles={ALL_ROLES} />,
        children: [
          {
            path: '/',
            element: <AppLayout />,
            children: [
              {
                element: <RequireRole roles={ADMIN_ROLES} />,
                children: [
                  { index: true, element: <DashboardRoute /> },
                  { path: 'imports', element: <ImportsRoute /> },
                  { path: 'imports/:importId', element: <ImportRoute /> },
                  { path: 'members', element: <MembersRoute /> },
                  { path: 'members/:memberId', element: <MemberRoute /> },
                  { path: 'points', element: <PointsOverviewRoute /> },
                  { path: 'points/rules', element: <PointsRulesRoute /> },
                  { path: 'points/rewards', element: <PointsRewardsRoute /> },
                  { path: 'points/vouchers', element: <PointsVouchersRoute /> },
                ],
              },
              {
                element: <RequireRole roles={CUSTOMER_ROLES} />,
                children: [
                  { path: 'card', element: <CardRoute /> },
                  { path: 'purchases', element: <PurchasesRoute /> },
                  { path: 'my-points', element: <MyPointsRoute /> },
                  { path: 'rewards', element: <RewardsRoute /> },
                  { path: 'vouchers', element: <VouchersRoute /> },
                  { path: 'profile', element: <ProfileRoute /> },
                ],
              },
              { path: '*', element: <NotFoundRoute /> },
            ],
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
