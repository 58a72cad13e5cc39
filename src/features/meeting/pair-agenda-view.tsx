import { useServices } from '@/context/services-context';
import { AgendaView } from './agenda-view';
import { usePairAgenda } from './use-pair-agenda';

/** The pair's agenda for this meeting surface: live in the side panel and on stage, saved-only elsewhere too. */
export function PairAgendaView({ layout }: { layout: 'panel' | 'page' | 'stage' }) {
  const { host } = useServices();
  // The details and chat tabs are opened outside the call too: live when a meeting is going on.
  const agenda = usePairAgenda({ live: true });
  return <AgendaView agenda={agenda} layout={layout} locale={host.context.locale} />;
}
