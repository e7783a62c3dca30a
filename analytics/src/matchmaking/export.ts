import { stringify } from 'csv-stringify/sync';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import type { Agenda } from './agenda.ts';

export type AgendaTimes = {
  /** When the first slot starts (UTC). */
  start: Date;
  slotMinutes: number;
  /** Minutes between slots (change of tables). */
  breakMinutes?: number;
  eventName?: string;
  location?: string;
};

function slotStart(times: AgendaTimes, slot: number): Date {
  const step = times.slotMinutes + (times.breakMinutes ?? 0);
  return new Date(times.start.getTime() + slot * step * 60_000);
}

const hhmm = (date: Date) => date.toISOString().slice(11, 16);
const dateArray = (date: Date): DateArray => [
  date.getUTCFullYear(),
  date.getUTCMonth() + 1,
  date.getUTCDate(),
  date.getUTCHours(),
  date.getUTCMinutes(),
];

/** The agenda as CSV (csv-stringify): one row per meeting, times in UTC. */
export function agendaCsv(agenda: Agenda, times: AgendaTimes): string {
  return stringify(
    agenda.meetings.map((meeting) => {
      const start = slotStart(times, meeting.slot);
      const end = new Date(start.getTime() + times.slotMinutes * 60_000);
      return [
        meeting.slot + 1,
        hhmm(start),
        hhmm(end),
        meeting.table + 1,
        meeting.a.name,
        meeting.b.name,
        meeting.score.toFixed(3),
        meeting.reason,
      ];
    }),
    {
      header: true,
      columns: ['slot', 'start', 'end', 'table', 'participant_a', 'participant_b', 'score', 'reason'],
    },
  );
}

/** The agenda as an iCalendar file (ics): one event per meeting. */
export function agendaICalendar(agenda: Agenda, times: AgendaTimes): string {
  const events: EventAttributes[] = agenda.meetings.map((meeting) => ({
    start: dateArray(slotStart(times, meeting.slot)),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: times.slotMinutes },
    title: `${meeting.a.name} meets ${meeting.b.name} (table ${meeting.table + 1})`,
    description: meeting.reason,
    location: times.location ?? times.eventName ?? 'matchmaking event',
    uid: `meeting-${meeting.slot + 1}-${meeting.table + 1}-${meeting.a.id}-${meeting.b.id}@clustergraph`,
    productId: 'clustergraph/matchmaking',
    calName: times.eventName ?? 'Matchmaking agenda',
  }));
  const { error, value } = createEvents(events);
  if (error || value === null) throw error ?? new Error('the calendar could not be written');
  return value;
}
