/**
 * "Add to calendar" links for an agreed call, so it is on the rep's calendar as the method asks. Neither Google
 * nor Microsoft publishes a reference for these event templates; the parameters follow the community reference
 * github.com/InteractionDesignFoundation/add-event-to-calendar-docs (services/google.md, services/outlook-web.md).
 */

import { CALL_MINUTES } from '../../domain/scheduling/call-invite.js';

export interface CalendarEvent {
  title: string;
  details: string;
  start: Date;
}

/** UTC in the basic ISO form Google's template takes: 20261201T140000Z. */
function googleTime(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function googleCalendarUrl(event: CalendarEvent): string {
  const end = new Date(event.start.getTime() + CALL_MINUTES * 60_000);
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${googleTime(event.start)}/${googleTime(end)}`,
    details: event.details,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

export function outlookCalendarUrl(event: CalendarEvent): string {
  const end = new Date(event.start.getTime() + CALL_MINUTES * 60_000);
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.title,
    startdt: event.start.toISOString(),
    enddt: end.toISOString(),
    body: event.details,
  });
  return `https://outlook.office.com/calendar/0/deeplink/compose?${params.toString()}`;
}
