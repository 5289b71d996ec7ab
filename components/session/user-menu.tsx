import { signOut } from "@/lib/actions/session";
import type { SessionUser } from "@/lib/session/current-user";

/** Who is signed in, with what role, and the way out. Sign-out is a form: it works before hydration. */
export function UserMenu({ user }: { user: SessionUser }) {
  return (
    <div className="user-menu">
      <span className="user-menu-who" title={user.email}>
        {user.name} <span className="muted">· {user.role}</span>
      </span>
      <form action={signOut}>
        <button type="submit" className="button">
          Sign out
        </button>
      </form>
    </div>
  );
}
