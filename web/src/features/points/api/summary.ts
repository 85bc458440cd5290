// The summary route is shared with the sales dashboard, so its fetcher lives in shared/points.
export { getPointsSummary, usePointsSummary, type SummaryPeriod } from '@/shared/points/summary';
