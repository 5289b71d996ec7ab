import { PageSkeleton, SkeletonBlock, SkeletonCard, SkeletonRows } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageSkeleton label="Loading spikes">
      <SkeletonBlock width="16em" height="2em" />
      <SkeletonCard titleWidth="6em">
        <SkeletonRows rows={4} columns={4} />
      </SkeletonCard>
      <SkeletonCard titleWidth="8em">
        <SkeletonRows rows={2} columns={4} />
      </SkeletonCard>
      <SkeletonCard />
    </PageSkeleton>
  );
}
