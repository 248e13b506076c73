// React Query keys of the live-sessions domain. Everything of one session sits under session(id), so a
// (re)join of its channel invalidates the lot; events on live:<id> patch or invalidate the parts.
export const liveKeys = {
  all: ['live'] as const,
  session: (sessionId: string) => [...liveKeys.all, 'session', sessionId] as const,
  state: (sessionId: string) => [...liveKeys.session(sessionId), 'state'] as const,
  participants: (sessionId: string) => [...liveKeys.session(sessionId), 'participants'] as const,
  lobby: (sessionId: string) => [...liveKeys.session(sessionId), 'lobby'] as const,
  segment: (sessionId: string, segmentId: string) => [...liveKeys.session(sessionId), 'segment', segmentId] as const,
  round: (sessionId: string) => [...liveKeys.session(sessionId), 'round'] as const,
  chat: (sessionId: string) => [...liveKeys.session(sessionId), 'chat'] as const,
  phrases: (sessionId: string) => [...liveKeys.session(sessionId), 'phrases'] as const,
  results: (sessionId: string) => [...liveKeys.session(sessionId), 'results'] as const,
};
