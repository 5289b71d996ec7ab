import { PageSkeleton, SkeletonBlock, SkeletonCard, SkeletonRows } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageSkeleton label="Loading organizations">
      <SkeletonCard titleWidth="14em">
        <SkeletonBlock height="2em" width="16em" />
        <SkeletonRows rows={8} columns={5} />
      </SkeletonCard>
    </PageSkeleton>
  );
}
