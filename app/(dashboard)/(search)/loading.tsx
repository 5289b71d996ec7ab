import { PageSkeleton, SkeletonBlock, SkeletonCard, SkeletonRows } from "@/components/ui/skeleton";

// In its own route group so that this boundary covers the search page only, not every dashboard page.
export default function Loading() {
  return (
    <PageSkeleton label="Loading search" lede={1}>
      <SkeletonCard titleWidth="14em">
        <SkeletonBlock height="5.5em" />
      </SkeletonCard>
      <SkeletonCard titleWidth="8em">
        <SkeletonRows rows={6} columns={4} />
      </SkeletonCard>
    </PageSkeleton>
  );
}
