import { useSyncExternalStore } from 'react';
import type { Role, UserView } from '@/lib/api/types';
import { readSession, subscribe, type Session } from './session';

let snapshot: Session | null = readSession();
subscribe((next) => {
  snapshot = next;
});

function subscribeStore(onChange: () => void) {
  return subscribe(() => onChange());
}

/** The signed-in session in every component, updated when any tab signs in, refreshes or signs out. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeStore, () => snapshot, () => null);
}

/** Whether the user has a role; admins may do all that staff may. */
export function hasRole(user: UserView | null | undefined, role: Role): boolean {
  if (!user) return false;
  if (user.roles.includes(role)) return true;
  return role === 'staff' && user.roles.includes('admin');
}
