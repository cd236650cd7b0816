// One of the asker's own sessions as the "Where am I signed in?" page shows it (members and staff).
export interface ListedSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ownDevice: boolean;
  thisDevice: boolean;
}

export type EndedSessions = "ended" | "endedOthers";
