import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ME, SIGN_OUT } from '../features/identity/operations';
import type { MeQuery } from '../gql/graphql';
import type { SignInReason } from './apollo';
import type { PermissionName } from './permissions';

export type Me = NonNullable<MeQuery['me']>;

interface Session {
  me: Me | null;
  /** Why the user was signed out by the API, if they were. */
  endedBecause: SignInReason | null;
  loading: boolean;
  error: Error | undefined;
  can(permission: PermissionName): boolean;
  /** After a successful sign-in: forget the previous user's data and load the new one. */
  signedIn(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The API reports a missing or expired session here; the session provider listens. */
export class SessionEvents {
  private listener: ((reason: SignInReason) => void) | null = null;
  listen(listener: (reason: SignInReason) => void): () => void {
    this.listener = listener;
    return () => (this.listener = null);
  }
  signInRequired(reason: SignInReason): void {
    this.listener?.(reason);
  }
}

/**
 * Who is signed in, from the API's `me`; everything role-aware in the SPA reads it from here. When
 * the API says the session is gone, the user is treated as signed out at once and sent to sign in.
 */
export function SessionProvider({ events, children }: { events: SessionEvents; children: ReactNode }) {
  const client = useApolloClient();
  const [ended, setEnded] = useState<SignInReason | null>(null);
  const { data, loading, error, refetch } = useQuery(ME, { fetchPolicy: 'network-only' });
  const [signOutMutation] = useMutation(SIGN_OUT);

  // Screens behind RequireSession see `me` become null and send the user to sign in, with the reason.
  useEffect(() => events.listen((reason) => setEnded(reason)), [events]);

  const signedIn = useCallback(async () => {
    await client.clearStore();
    await refetch();
    setEnded(null);
  }, [client, refetch]);

  const signOut = useCallback(async () => {
    await signOutMutation().catch(() => undefined);
    setEnded('SIGNED_OUT');
    await client.clearStore();
  }, [client, signOutMutation]);

  const me = ended ? null : (data?.me ?? null);
  const session = useMemo<Session>(
    () => ({
      me,
      endedBecause: ended,
      loading: loading && !data && !ended,
      error,
      can: (p) => me?.permissions.includes(p) ?? false,
      signedIn,
      signOut,
    }),
    [me, loading, data, ended, error, signedIn, signOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
