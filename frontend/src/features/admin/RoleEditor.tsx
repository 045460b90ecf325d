import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import type { Role, Schema, UserView } from '@/lib/api/types';
import { updateUser as updateSessionUser } from '@/lib/auth/session';
import { updateUser } from './api';

export const ROLES: Role[] = ['reviewer', 'staff', 'admin'];

/** The PATCH body for a set of ticked roles: the complete list, in a fixed order. */
export function rolesBody(ticked: ReadonlySet<Role>): Schema<'UpdateUserRequest'> {
  return { roles: ROLES.filter((role) => ticked.has(role)) };
}

/** Checkboxes for an account's roles and a save button (PATCH /users/{id} with the whole list). */
export function RoleEditor({ user, isSelf }: { user: UserView; isSelf: boolean }) {
  const { t } = useTranslation(['admin', 'enums']);
  const [ticked, setTicked] = useState<Set<Role>>(() => new Set(user.roles));
  // The roles as last saved here: the list refreshes after a save, and this row must not wait for it.
  const [saved, setSaved] = useState<Role[]>(user.roles);
  const [savedFor, setSavedFor] = useState<string | null>(null);
  const changed = ROLES.some((role) => ticked.has(role) !== saved.includes(role));
  const save = useMutation(updateUser(user.id));
  const toggle = (role: Role, on: boolean) => {
    setSavedFor(null);
    save.reset();
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(role);
      else next.delete(role);
      return next;
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(rolesBody(ticked), {
      onSuccess: (updated) => {
        setSaved(updated.roles);
        setTicked(new Set(updated.roles));
        setSavedFor(updated.displayName);
        if (isSelf) updateSessionUser(updated);
      },
    });
  };
  return (
    <form className="role-editor" noValidate onSubmit={submit}>
      <fieldset>
        <legend className="visually-hidden">{t('roles.legend', { name: user.displayName })}</legend>
        <div className="role-editor__boxes">
          {ROLES.map((role) => (
            <label key={role} className="check">
              <input type="checkbox" checked={ticked.has(role)} onChange={(event) => toggle(role, event.target.checked)} />
              {t(`enums:Role.${role}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" variant="secondary" busy={save.isPending} disabled={!changed} aria-label={t('roles.saveFor', { name: user.displayName })}>
        {t('roles.save')}
      </Button>
      <ProblemAlert error={save.error} />
      {savedFor && !changed ? <Notice>{t('roles.saved', { name: savedFor })}</Notice> : null}
    </form>
  );
}
