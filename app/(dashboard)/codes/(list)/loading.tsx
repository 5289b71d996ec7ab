import { PageSkeleton, SkeletonBlock, SkeletonCard, SkeletonRows } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageSkeleton label="Loading error codes" lede={2}>
      <SkeletonCard titleWidth="8em">
        <SkeletonBlock height="2.6em" />
      </SkeletonCard>
      {[6, 8, 4].map((rows) => (
        <SkeletonCard key={rows} titleWidth="10em">
          <SkeletonRows rows={rows} columns={3} />
        </SkeletonCard>
      ))}
    </PageSkeleton>
  );
}
