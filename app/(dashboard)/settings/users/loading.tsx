import { FormAndTableSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <FormAndTableSkeleton label="Loading users" columns={5} />;
}
