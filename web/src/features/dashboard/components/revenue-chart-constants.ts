/** Height of the revenue chart and of its skeleton, so the page does not jump when it loads. */
export const CHART_HEIGHT = 320;
