import { PageSkeleton, SkeletonCard, SkeletonChart, SkeletonRows } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageSkeleton label="Loading the code" breadcrumb>
      <span className="columns">
        <span className="stack">
          <SkeletonCard>
            <SkeletonRows rows={2} columns={3} />
          </SkeletonCard>
          <SkeletonCard />
          <SkeletonCard />
          <SkeletonCard />
        </span>
        <span className="stack">
          <SkeletonCard>
            <SkeletonRows rows={5} columns={2} />
          </SkeletonCard>
          <SkeletonCard>
            <SkeletonChart height="180px" />
          </SkeletonCard>
        </span>
      </span>
    </PageSkeleton>
  );
}
