// The sales dashboard shows points figures too, so the grid lives in shared/ui.
export { FigureGrid, type Figure } from '@/shared/ui/figure-grid';
