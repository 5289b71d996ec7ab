import { FormAndTableSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <FormAndTableSkeleton label="Loading the ingest trail" columns={5} />;
}
