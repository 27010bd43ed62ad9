type TMembers = ReadonlyArray<{ id: string }> | undefined;

/** The roles that matter for live alerts; the stream plan's team roster (keyed by role) fits this shape as is. */
export interface TAlertRoster {
  host?: TMembers;
  co_host?: TMembers;
  room_operator?: TMembers;
  manager?: TMembers;
}

const ids = (members: TMembers): string[] => (members ?? []).map((member) => member.id);

/**
 * Who receives a live metric alert. The room operator and the co-host act on alerts; the host is on camera and must
 * never be interrupted while on air - even when the same person is also listed under another role. Off air (before
 * going live, during a break) the host is told as well. If the roster has nobody to act, managers are the fallback so an
 * alert is never delivered to no one. Room operators come first: they own the live-room backend.
 */
export function alertRecipients(roster: TAlertRoster, onAir: boolean): string[] {
  const hosts = new Set(ids(roster.host));
  const eligible = (id: string): boolean => !(onAir && hosts.has(id));
  const pick = (...groups: TMembers[]): string[] => [...new Set(groups.flatMap(ids))].filter(eligible);
  const responders = onAir
    ? pick(roster.room_operator, roster.co_host)
    : pick(roster.room_operator, roster.co_host, roster.host);
  return responders.length > 0 ? responders : pick(roster.manager);
}
