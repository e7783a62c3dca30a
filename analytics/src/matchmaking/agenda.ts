/**
 * A B2B or cluster-to-cluster meeting agenda: given participants, a number of time slots and
 * tables, and how much each pair would gain from meeting (its complementarity, with a reason),
 * a schedule where no one is double-booked, no table holds two meetings at once, no pair meets
 * twice, everyone who can be met is met at least once, and the total gain is as high as the
 * greedy below reaches.
 *
 * The greedy, in two passes:
 * 1. Everyone first: participants in order of fewest worthwhile partners (ties: by id) each get
 *    their best partner not yet met, in the earliest slot where both are free and a table is.
 * 2. Then every remaining worthwhile pair by gain, highest first, in the earliest such slot.
 * Each pass is a single sweep; the gap to the optimum, found by brute force on small cases, is
 * measured in agenda.test.ts and analytics/BENCHMARKS.md.
 */

export type Participant = { id: string; name: string };

export type PairGain = { a: string; b: string; score: number; reason: string };

export type Meeting = {
  slot: number;
  table: number;
  a: Participant;
  b: Participant;
  score: number;
  reason: string;
};

export type Agenda = {
  slots: number;
  tables: number;
  meetings: Meeting[];
  /** Sum of the meetings' scores. */
  totalScore: number;
  /** Participants with at least one worthwhile partner who got no meeting (none when possible). */
  unmet: Participant[];
};

export class AgendaInputError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
  }
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function scheduleMeetings(input: {
  participants: readonly Participant[];
  gains: readonly PairGain[];
  slots: number;
  tables: number;
}): Agenda {
  const { participants, slots, tables } = input;
  if (!Number.isInteger(slots) || slots < 1)
    throw new AgendaInputError('slots', `must be a whole number ≥ 1, got ${slots}`);
  if (!Number.isInteger(tables) || tables < 1)
    throw new AgendaInputError('tables', `must be a whole number ≥ 1, got ${tables}`);
  const byId = new Map(participants.map((p) => [p.id, p]));
  if (byId.size !== participants.length)
    throw new AgendaInputError('participants', 'a participant is listed twice');

  const gains = new Map<string, PairGain>();
  const partners = new Map<string, PairGain[]>(participants.map((p) => [p.id, []]));
  for (const gain of input.gains) {
    if (gain.a === gain.b || !byId.has(gain.a) || !byId.has(gain.b) || !(gain.score > 0)) continue;
    const key = pairKey(gain.a, gain.b);
    if ((gains.get(key)?.score ?? -1) >= gain.score) continue;
    gains.set(key, gain);
  }
  for (const gain of gains.values()) {
    partners.get(gain.a)?.push(gain);
    partners.get(gain.b)?.push(gain);
  }
  const byGain = (x: PairGain, y: PairGain) =>
    y.score - x.score || pairKey(x.a, x.b).localeCompare(pairKey(y.a, y.b));
  for (const list of partners.values()) list.sort(byGain);

  const busy = Array.from({ length: slots }, () => new Set<string>());
  const tablesUsed = Array.from({ length: slots }, () => 0);
  const met = new Set<string>();
  const meetings: Meeting[] = [];
  const meetingsOf = new Map<string, number>();

  const place = (gain: PairGain): boolean => {
    const key = pairKey(gain.a, gain.b);
    if (met.has(key)) return false;
    for (let slot = 0; slot < slots; slot++) {
      const taken = busy[slot] as Set<string>;
      if ((tablesUsed[slot] as number) >= tables || taken.has(gain.a) || taken.has(gain.b)) continue;
      taken.add(gain.a);
      taken.add(gain.b);
      const table = tablesUsed[slot] as number;
      tablesUsed[slot] = table + 1;
      met.add(key);
      for (const id of [gain.a, gain.b]) meetingsOf.set(id, (meetingsOf.get(id) ?? 0) + 1);
      meetings.push({
        slot,
        table,
        a: byId.get(gain.a) as Participant,
        b: byId.get(gain.b) as Participant,
        score: gain.score,
        reason: gain.reason,
      });
      return true;
    }
    return false;
  };

  const order = [...participants].sort(
    (x, y) => (partners.get(x.id)?.length ?? 0) - (partners.get(y.id)?.length ?? 0) || (x.id < y.id ? -1 : 1),
  );
  for (const participant of order) {
    if ((meetingsOf.get(participant.id) ?? 0) > 0) continue;
    for (const gain of partners.get(participant.id) ?? []) if (place(gain)) break;
  }
  for (const gain of [...gains.values()].sort(byGain)) place(gain);

  meetings.sort((x, y) => x.slot - y.slot || x.table - y.table);
  return {
    slots,
    tables,
    meetings,
    totalScore: meetings.reduce((sum, meeting) => sum + meeting.score, 0),
    unmet: participants.filter((p) => (partners.get(p.id)?.length ?? 0) > 0 && !meetingsOf.has(p.id)),
  };
}
