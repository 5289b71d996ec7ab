import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { applyUserChange, createInvitation, loadUsers, type InvitationInput, type UserChangeInput } from "@/lib/actions/users";
import { queryKeys } from "@/lib/query-keys";

export function usersOptions() {
  return { queryKey: queryKeys.users.list(), queryFn: () => loadUsers() };
}

export function useUsers() {
  return useQuery(usersOptions());
}

/** Makes an invitation link. Nothing to refetch: the person is listed once they accept it. */
export function useCreateInvitation() {
  return useMutation({ mutationFn: (input: InvitationInput) => createInvitation(input) });
}

/** Any change to an existing user; the list is refetched either way (a refusal may mean it is stale). */
export function useUserChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserChangeInput) => applyUserChange(input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}
