import type { CSSProperties } from 'react';

/** Renders a grey placeholder block while data loads; screen readers skip it. */
export function Skeleton({ width, height }: { width?: string; height?: string }) {
  const style: CSSProperties = { width: width ?? '100%', height: height ?? '1em' };
  return <span className="skeleton" style={style} aria-hidden="true" />;
}

/** Renders placeholder rows in the shape of a table. */
export function TableSkeleton({ rows = 5, columns = 4 }: { rows?: number; columns?: number }) {
  return (
    <div className="table-skeleton" aria-hidden="true">
      {Array.from({ length: rows }, (_, row) => (
        <div className="table-skeleton__row" key={row}>
          {Array.from({ length: columns }, (_, column) => (
            <Skeleton key={column} width={column === 0 ? '40%' : '18%'} />
          ))}
        </div>
      ))}
    </div>
  );
}

export function BlockSkeleton({ height }: { height: string }) {
  return (
    <div aria-hidden="true">
      <Skeleton height={height} />
    </div>
  );
}
