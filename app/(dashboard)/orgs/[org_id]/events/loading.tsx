import { PageSkeleton, SkeletonCard, SkeletonRows } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageSkeleton label="Loading the requests" breadcrumb>
      <SkeletonCard titleWidth="8em">
        <SkeletonRows rows={10} columns={4} />
      </SkeletonCard>
    </PageSkeleton>
  );
}
