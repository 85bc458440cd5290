import type { Account, SessionBody } from './account';

/**
 * Why the user is signed out: they signed out here, their session could not be renewed, or
 * another tab of the same browser signed out.
 */
export type SignOutReason = 'signed_out' | 'expired' | 'elsewhere';

export type SessionState =
  /** A refresh token is stored and its session is being restored, as after a reload. */
  | { status: 'restoring' }
  | { status: 'signed_out'; reason: SignOutReason | null }
  | { status: 'signed_in'; account: Account };

/**
 * The localStorage key of the refresh token. It outlives a reload and is shared by the tabs of
 * one browser, which take turns to rotate it (token-refresh.ts).
 */
export const REFRESH_TOKEN_KEY = 'imagross.refreshToken';

interface AccessToken {
  value: string;
  /** Epoch milliseconds after which the server rejects the token. */
  expiresAt: number;
}

type Listener = () => void;

function readStorage(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeStorage(storage: Storage | null, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // Storage can be disabled: the session then lasts until the page is reloaded.
  }
}

/**
 * The session of this tab. The access token lives only in memory, so a script that reads storage
 * never finds it. The refresh token is also written to localStorage, so that a reload stays
 * signed in. Components read the state through useSession().
 */
export class SessionStore {
  private state: SessionState;
  private access: AccessToken | null = null;
  // A copy of the stored token, for browsers where storage is disabled.
  private refreshTokenInMemory: string | null;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly storage: Storage | null,
    private readonly now: () => number = Date.now,
  ) {
    this.refreshTokenInMemory = readStorage(storage, REFRESH_TOKEN_KEY);
    this.state = this.refreshTokenInMemory
      ? { status: 'restoring' }
      : { status: 'signed_out', reason: null };
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The access token, or null before sign-in or restoration. It may have expired. */
  accessToken(): string | null {
    return this.access?.value ?? null;
  }

  /** True when there is no access token or it expires within `marginMs`. */
  accessTokenExpiresWithin(marginMs: number): boolean {
    return this.access === null || this.access.expiresAt - this.now() <= marginMs;
  }

  /** Milliseconds until the access token expires; 0 when there is none or it has expired. */
  msUntilExpiry(): number {
    return this.access === null ? 0 : Math.max(0, this.access.expiresAt - this.now());
  }

  /** The newest refresh token: another tab may have rotated it since this one last did. */
  refreshToken(): string | null {
    if (this.storage) return readStorage(this.storage, REFRESH_TOKEN_KEY);
    return this.refreshTokenInMemory;
  }

  /** Starts or renews the session with the body of a sign-in, sign-up or refresh. */
  begin(body: SessionBody): void {
    this.access = { value: body.access_token, expiresAt: this.now() + body.expires_in * 1000 };
    this.refreshTokenInMemory = body.refresh_token;
    writeStorage(this.storage, REFRESH_TOKEN_KEY, body.refresh_token);
    this.setState({ status: 'signed_in', account: body.account });
  }

  /**
   * Forgets both tokens. The caller revokes the refresh token on the server when it can. A null
   * reason returns to the state of a browser that never signed in.
   */
  end(reason: SignOutReason | null): void {
    this.access = null;
    this.refreshTokenInMemory = null;
    writeStorage(this.storage, REFRESH_TOKEN_KEY, null);
    if (this.state.status === 'signed_out' && this.state.reason === reason) return;
    this.setState({ status: 'signed_out', reason });
  }

  /** Follows a sign-out in another tab, which removes the shared refresh token. */
  handleStorageEvent(event: StorageEvent): void {
    const cleared = event.key === REFRESH_TOKEN_KEY || event.key === null;
    if (!cleared || event.newValue !== null || this.state.status === 'signed_out') return;
    this.access = null;
    this.refreshTokenInMemory = null;
    this.setState({ status: 'signed_out', reason: 'elsewhere' });
  }

  private setState(next: SessionState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function createBrowserSessionStore(): SessionStore {
  const store = new SessionStore(browserStorage());
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => store.handleStorageEvent(event));
  }
  return store;
}

/** The session of this tab, used by the API client and the app. */
export const sessionStore = createBrowserSessionStore();
