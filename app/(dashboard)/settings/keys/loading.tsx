import { FormAndTableSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <FormAndTableSkeleton label="Loading API keys" columns={8} />;
}
