import { PageSkeleton, SkeletonBlock, SkeletonCard, SkeletonChart, SkeletonRows } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageSkeleton label="Loading the organization" breadcrumb lede={0}>
      <SkeletonBlock width="min(24em, 100%)" height="2em" />
      <SkeletonCard>
        <SkeletonChart height="280px" />
      </SkeletonCard>
      <SkeletonCard>
        <SkeletonRows rows={6} columns={4} />
      </SkeletonCard>
    </PageSkeleton>
  );
}
