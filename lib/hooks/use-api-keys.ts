import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createKey, loadApiKeys, revokeKey, type CreateKeyInput } from "@/lib/actions/keys";
import { queryKeys } from "@/lib/query-keys";

export function apiKeysOptions() {
  return { queryKey: queryKeys.keys.list(), queryFn: () => loadApiKeys() };
}

export function useApiKeys() {
  return useQuery(apiKeysOptions());
}

/** Creates a key; the list is refetched, while the secret lives only in the mutation's result. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateKeyInput) => createKey(input),
    onSuccess: (result) => {
      if (result.ok) void queryClient.invalidateQueries({ queryKey: queryKeys.keys.all });
    },
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => revokeKey({ id }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.keys.all }),
  });
}
