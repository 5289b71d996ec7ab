import { PageSkeleton, SkeletonRows } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageSkeleton label="Loading settings">
      <SkeletonRows rows={4} columns={2} />
    </PageSkeleton>
  );
}
