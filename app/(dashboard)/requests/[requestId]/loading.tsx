import { PageSkeleton, SkeletonCard, SkeletonLines, SkeletonRows } from "@/components/ui/skeleton";

/** The request page's shape while it loads: the explanation and reply on the left, facts and context on the right. */
export default function Loading() {
  return (
    <PageSkeleton label="Loading the request" breadcrumb lede={2}>
      <span className="columns">
        <span className="stack">
          <SkeletonCard titleWidth="9em">
            <SkeletonLines lines={2} />
            <SkeletonRows rows={2} columns={3} />
          </SkeletonCard>
          <SkeletonCard titleWidth="12em">
            <SkeletonLines lines={4} />
          </SkeletonCard>
          <SkeletonCard titleWidth="10em" />
        </span>
        <span className="stack">
          <SkeletonCard titleWidth="6em">
            <SkeletonRows rows={5} columns={2} />
          </SkeletonCard>
          <SkeletonCard titleWidth="6em">
            <SkeletonRows rows={4} columns={3} />
          </SkeletonCard>
        </span>
      </span>
    </PageSkeleton>
  );
}
